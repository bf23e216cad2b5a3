// walletsec device: this phone's X25519 identity for receiving a backup from the old phone.
import ArgumentParser
import Backup
import QRCode
import Vault
import WalletCore

struct DeviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "Device keys for phone migration: make one on the new phone, back up to it on the old one.",
        discussion: """
            Example:
              walletsec device keygen --label "new phone"
              walletsec device list --json
            """,
        subcommands: [DeviceKeygenCommand.self, DeviceListCommand.self])
}

struct DeviceKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an X25519 identity sealed in the vault; show its recipient as text and QR code.",
        discussion: """
            Scan the QR code (or copy the age1… line) on the old phone and run `walletsec backup -r age1…`.

            Example:
              walletsec device keygen --label "new phone"
            """)

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(name: .long, help: ArgumentHelp("A name for this device key.", valueName: "text"))
    var label = "this device"

    @Flag(name: .long, help: "Do not draw the QR code.")
    var noQr = false

    func run() throws {
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        let record = try DeviceKeys.create(in: vault, key: key, label: label)
        if globals.json {
            try Terminal.json(record)
            return
        }
        let zh = globals.language == .zh
        Terminal.out((zh ? "设备接收者（在旧手机上用它备份）：" : "Device recipient (back up to it on the old phone):"))
        Terminal.out(record.recipient)
        if !noQr {
            Terminal.out(try QRMatrix.encode(record.recipient).terminalText())
        }
        Terminal.out(
            zh
                ? "旧手机上运行：walletsec backup -r \(record.recipient) -o backup.age"
                : "On the old phone run: walletsec backup -r \(record.recipient) -o backup.age")
    }
}

struct DeviceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List this vault's device keys (recipients only; needs no passphrase).",
        discussion: """
            Example:
              walletsec device list
            """)

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        let records = try VaultAccess.open(globals).deviceIdentities()
        if globals.json {
            for record in records { try Terminal.json(record) }
            return
        }
        for record in records {
            Terminal.out("\(record.id)  \(record.recipient)  \(record.label)  \(record.createdAt)")
        }
    }
}
