// walletsec age: the age-v1 file format on any file, with age's own flags (-r -R -i -p -a -o).
import AgeFormat
import ArgumentParser
import Foundation
import WalletCore
import WalletCrypto

struct AgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "age",
        abstract: "Encrypt and decrypt files in the age-v1 format (interoperable with age and rage).",
        discussion: """
            Files written here open with `age -d`, and files from age open here. The passphrase for -p comes from --passphrase-file, $WALLETSEC_PASSPHRASE or a no-echo prompt, never from the command line.

            Example:
              walletsec age keygen -o key.txt
              walletsec age encrypt -r age1… -o statement.csv.age statement.csv
              walletsec age decrypt -i key.txt -o statement.csv statement.csv.age
            """,
        subcommands: [AgeKeygenCommand.self, AgeEncryptCommand.self, AgeDecryptCommand.self])
}

/// Where an age command reads from and writes to.
enum AgeIO {
    static func openInput(_ path: String?) throws -> (ByteSource, Int64?, () -> Void) {
        guard let path, path != "-" else {
            return (FileDescriptorSource(fd: 0, name: "standard input"), nil, {})
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystem.error(errno, path: path, action: "read") }
        return (FileDescriptorSource(fd: fd, name: path), FileSystem.fileSize(path), { close(fd) })
    }

    /// A file output is written aside and appears only on `commit`; stdout streams.
    static func openOutput(_ path: String?) throws -> (ByteSink, commit: () throws -> Void) {
        guard let path, path != "-" else {
            return (FileDescriptorSink(fd: 1, name: "standard output"), {})
        }
        let writer = try AtomicFileWriter(destination: path)
        return (writer, { try writer.commit() })
    }

    static func progress(_ bar: ProgressBar, total: Int64?) -> (Int64) -> Void {
        let handler = bar.handler
        return { done in handler(ProgressUpdate(done: done, total: total, unit: "bytes")) }
    }

    static func passphraseSource(file: String?, confirm: Bool) -> SecretSource {
        SecretSource(
            file: file, environmentVariable: "WALLETSEC_PASSPHRASE",
            prompt: LocalizedText(en: "File passphrase", zh: "文件口令"),
            confirmPrompt: confirm ? LocalizedText(en: "Repeat the passphrase", zh: "再次输入口令") : nil,
            fileOption: "--passphrase-file")
    }

    /// A key file's text; `-` is standard input, as in age (`-i -`, `-R -`).
    static func readText(_ path: String) throws -> String {
        var bytes =
            path == "-" ? try StandardInput.readAll(limit: 1 << 24) : try FileSystem.readAll(path, limit: 1 << 24)
        defer { Memory.zero(&bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The name a key file goes by in messages.
    static func sourceName(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// Standard input can feed one thing only: a key file or the data, not both (age refuses this too).
    static func checkOneStandardInput(keyFiles: [String], input: String?) throws {
        let fromStdin = keyFiles.filter { $0 == "-" }.count + ((input == nil || input == "-") ? 1 : 0)
        if keyFiles.contains("-") && fromStdin > 1 {
            throw CLIFailure.usage(
                en: "standard input can hold either a key file (-) or the data, not both; give the input as a file",
                zh: "标准输入只能提供密钥文件（-）或数据之一；请以文件形式给出输入")
        }
    }
}

/// `-r` and `-R`, as age spells them, for `age encrypt` and `backup`.
struct RecipientOptions: ParsableArguments {
    @Option(
        name: [.customShort("r"), .long],
        help: ArgumentHelp("Encrypt to this age1… recipient (repeatable).", valueName: "recipient"))
    var recipient: [String] = []

    @Option(
        name: [.customShort("R"), .customLong("recipients-file")],
        help: ArgumentHelp("Encrypt to the recipients listed in this file (repeatable).", valueName: "file"))
    var recipientsFile: [String] = []

    func recipients() throws -> [Recipient] {
        var result: [Recipient] = try recipient.map { try X25519Recipient(parsing: $0) }
        for file in recipientsFile {
            result +=
                try KeyFile.parseRecipients(try AgeIO.readText(file), source: AgeIO.sourceName(file)) as [Recipient]
        }
        return result
    }
}

struct AgeKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate an X25519 identity in age-keygen's file format.",
        discussion: """
            Without -o the identity is printed on standard output; with -o it goes to a new 0600 file and the public key (recipient) is printed.

            Example:
              walletsec age keygen -o key.txt
            """)

    @OptionGroup var globals: GlobalOptions

    @Option(
        name: [.customShort("o"), .long], help: ArgumentHelp("Write the identity to this new file.", valueName: "file"))
    var output: String?

    struct Output: Encodable {
        var recipient: String
        var identityFile: String
    }

    func run() throws {
        let identity = X25519Identity.generate()
        let text = KeyFile.identityFileText(identity, created: ISO8601.string(Date()))
        guard let output, output != "-" else {
            Terminal.writeAll(1, text)
            return
        }
        try AtomicFile.write(Array(text.utf8), to: output, overwrite: false)
        if globals.json {
            try Terminal.json(Output(recipient: identity.recipient.text, identityFile: output))
        } else {
            Terminal.out((globals.language == .zh ? "公钥：" : "Public key: ") + identity.recipient.text)
        }
    }
}

struct AgeEncryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt",
        abstract: "Encrypt a file (or standard input) to age recipients or with a passphrase.",
        discussion: """
            Example:
              walletsec age encrypt -r age1… -a -o report.txt.age report.txt
              walletsec age encrypt -p --passphrase-file pass.txt -o notes.age notes.txt
            """)

    @OptionGroup var globals: GlobalOptions

    @OptionGroup var recipientOptions: RecipientOptions

    @Flag(name: [.customShort("p"), .long], help: "Encrypt with a passphrase (scrypt) instead of recipients.")
    var passphrase = false

    @Flag(name: [.customShort("a"), .long], help: "Write ASCII armor (PEM) instead of binary.")
    var armor = false

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this new file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Read the passphrase for -p from the first line of this file.", valueName: "file"))
    var passphraseFile: String?

    @Flag(name: .long, help: "Accept a passphrase the strength check rejects.")
    var allowWeak = false

    @Argument(help: ArgumentHelp("The file to encrypt (default: standard input).", valueName: "input"))
    var input: String?

    struct Output: Encodable {
        var output: String
        var bytes: Int64
        var armored: Bool
        var recipients: Int
    }

    func run() throws {
        try AgeIO.checkOneStandardInput(keyFiles: recipientOptions.recipientsFile, input: input)
        var recipients = try recipientOptions.recipients()
        if passphrase {
            guard recipients.isEmpty else {
                throw CLIFailure.usage(en: "-p cannot be combined with -r or -R", zh: "-p 不能与 -r 或 -R 同时使用")
            }
            let secret = try AgeIO.passphraseSource(file: passphraseFile, confirm: true).read(
                language: globals.language)
            try PassphrasePolicy.check(secret, allowWeak: allowWeak, language: globals.language)
            recipients = [try ScryptRecipient(passphrase: secret)]
        }
        guard !recipients.isEmpty else {
            throw CLIFailure.usage(en: "give -r, -R or -p", zh: "请指定 -r、-R 或 -p")
        }
        if (output == nil || output == "-") && !armor && Terminal.stdoutIsTTY {
            throw CLIFailure.usage(
                en: "refusing to write binary to a terminal; use -o FILE or -a", zh: "拒绝向终端输出二进制数据；请使用 -o FILE 或 -a")
        }
        let (source, size, closeInput) = try AgeIO.openInput(input)
        defer { closeInput() }
        let (sink, commit) = try AgeIO.openOutput(output)
        let bar = ProgressBar(label: globals.language == .zh ? "加密" : "encrypting")
        let writer = try AgeWriter(sink: sink, recipients: recipients, armored: armor)
        var total: Int64 = 0
        let report = AgeIO.progress(bar, total: size)
        try writer.encryptAll(from: source) { done in
            total = done
            report(done)
        }
        try commit()
        bar.finish()
        if globals.json, let output, output != "-" {
            try Terminal.json(Output(output: output, bytes: total, armored: armor, recipients: recipients.count))
        }
    }
}

struct AgeDecryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt",
        abstract: "Decrypt an age file (binary or armored) with identity files or a passphrase.",
        discussion: """
            A file written with -o appears only after every chunk verified; on standard output only verified chunks are written. Exit 3 when no identity or passphrase opens the file, 4 when it is malformed or was altered.

            Example:
              walletsec age decrypt -i key.txt -o report.txt report.txt.age
            """)

    @OptionGroup var globals: GlobalOptions

    @Option(
        name: [.customShort("i"), .long],
        help: ArgumentHelp("An identity file (age-keygen format; repeatable).", valueName: "file"))
    var identity: [String] = []

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this new file (default: standard output).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Read the passphrase from the first line of this file.", valueName: "file"))
    var passphraseFile: String?

    @Argument(help: ArgumentHelp("The age file (default: standard input).", valueName: "input"))
    var input: String?

    struct Output: Encodable {
        var output: String
        var bytes: Int64
    }

    func run() throws {
        try AgeIO.checkOneStandardInput(keyFiles: identity, input: input)
        var identities: [Identity] = []
        for file in identity {
            identities +=
                try KeyFile.parseIdentities(try AgeIO.readText(file), source: AgeIO.sourceName(file)) as [Identity]
        }
        let (source, size, closeInput) = try AgeIO.openInput(input)
        defer { closeInput() }
        let language = globals.language
        let (_, reader) = try AgeReader.open(source) { header in
            if AgeReader.needsPassphrase(header) {
                let secret = try AgeIO.passphraseSource(file: passphraseFile, confirm: false).read(language: language)
                return [ScryptIdentity(passphrase: secret)]
            }
            guard !identities.isEmpty else {
                throw CLIFailure.usage(
                    en: "the file is encrypted to recipients; give an identity file with -i",
                    zh: "该文件是按接收者加密的，请用 -i 指定身份文件")
            }
            return identities
        }
        let (sink, commit) = try AgeIO.openOutput(output)
        let bar = ProgressBar(label: language == .zh ? "解密" : "decrypting")
        try reader.copyAll(to: sink, progress: AgeIO.progress(bar, total: size))
        try commit()
        bar.finish()
        if globals.json, let output, output != "-" {
            try Terminal.json(Output(output: output, bytes: reader.bytesRead))
        }
    }
}
