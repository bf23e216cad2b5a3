// walletsec device: this phone's X25519 identity for receiving a backup from the old phone.
import ArgumentParser
import Backup
import QRCode
import Vault
import WalletCore

struct DeviceCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "device",
            abstract: L(
                "Device keys for phone migration: make one on the new phone, back up to it on the old one.",
                "换机用的设备密钥：在新手机上生成，在旧手机上备份给它。"),
            discussion: L(
                """
                Example:
                  walletsec device keygen --label "new phone"
                  walletsec device list --json
                """,
                """
                示例：
                  walletsec device keygen --label "new phone"
                  walletsec device list --json
                """),
            subcommands: [DeviceKeygenCommand.self, DeviceListCommand.self])
    }
}

struct DeviceKeygenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "keygen",
            abstract: L(
                "Create an X25519 identity sealed in the vault; show its recipient as text and QR code.",
                "生成一个 X25519 设备密钥并加密保存在保险库里；以文字和二维码显示它的公钥。"),
            discussion: L(
                """
                Scan the QR code (or copy the age1… line) on the old phone and run `walletsec backup -r age1…`.

                Example:
                  walletsec device keygen --label "new phone"
                """,
                """
                在旧手机上扫描二维码（或复制 age1… 那一行），然后运行 `walletsec backup -r age1…`。

                示例：
                  walletsec device keygen --label "new phone"
                """))
    }

    @OptionGroup var globals: GlobalOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "A name for this device key.",
                "这个设备密钥的名称。"), valueName: "text"))
    var label = "this device"

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Do not draw the QR code.",
                "不显示二维码。")))
    var noQr = false

    func run() throws {
        let (vault, key) = try VaultAccess.unlock(globals, passphrase: passphrase)
        let record = try DeviceKeys.create(in: vault, key: key, label: label)
        if globals.json {
            try Terminal.json(record)
            return
        }
        let zh = globals.language == .zh
        Terminal.out((zh ? "设备公钥（在旧手机上备份给它）：" : "Device recipient (back up to it on the old phone):"))
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
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: L(
                "List this vault's device keys (recipients only; needs no passphrase).",
                "列出本保险库的设备密钥（只显示公钥；不需要主密码）。"),
            discussion: L(
                """
                Example:
                  walletsec device list
                """,
                """
                示例：
                  walletsec device list
                """))
    }

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
