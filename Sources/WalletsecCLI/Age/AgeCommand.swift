// walletsec age: the age-v1 file format on any file, with age's own flags (-r -R -i -p -a -o).
import AgeFormat
import ArgumentParser
import Foundation
import WalletCore
import WalletCrypto

struct AgeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "age",
            abstract: L(
                "Encrypt and decrypt files in the age-v1 format (interoperable with age and rage).",
                "用 age-v1 格式加密和解密文件（与 age、rage 互通）。"),
            discussion: L(
                """
                Files written here open with `age -d`, and files from age open here. The passphrase for -p comes from --passphrase-file, $WALLETSEC_PASSPHRASE or a no-echo prompt, never from the command line.

                Example:
                  walletsec age keygen -o key.txt
                  walletsec age encrypt -r age1… -o statement.csv.age statement.csv
                  walletsec age decrypt -i key.txt -o statement.csv statement.csv.age
                """,
                """
                这里写出的文件可以用 `age -d` 打开，age 生成的文件也能在这里打开。-p 用的密码来自 --passphrase-file、$WALLETSEC_PASSPHRASE 或不回显的输入提示，绝不来自命令行。

                示例：
                  walletsec age keygen -o key.txt
                  walletsec age encrypt -r age1… -o statement.csv.age statement.csv
                  walletsec age decrypt -i key.txt -o statement.csv statement.csv.age
                """),
            subcommands: [AgeKeygenCommand.self, AgeEncryptCommand.self, AgeDecryptCommand.self])
    }
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
            prompt: LocalizedText(en: "File passphrase", zh: "文件密码"),
            confirmPrompt: confirm ? LocalizedText(en: "Repeat the passphrase", zh: "再次输入密码") : nil,
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
        help: ArgumentHelp(
            L(
                "Encrypt to this age1… recipient (repeatable).",
                "加密给这个 age1… 公钥（可重复）。"), valueName: "recipient"))
    var recipient: [String] = []

    @Option(
        name: [.customShort("R"), .customLong("recipients-file")],
        help: ArgumentHelp(
            L(
                "Encrypt to the recipients listed in this file (repeatable).",
                "加密给这个文件里列出的公钥（可重复）。"), valueName: "file"))
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
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "keygen",
            abstract: L(
                "Generate an X25519 identity in age-keygen's file format.",
                "生成一个 X25519 私钥，文件格式与 age-keygen 相同。"),
            discussion: L(
                """
                Without -o the identity is printed on standard output; with -o it goes to a new 0600 file and the public key (recipient) is printed.

                Example:
                  walletsec age keygen -o key.txt
                """,
                """
                不带 -o 时私钥打印到标准输出；带 -o 时写入一个新的 0600 权限文件，并打印对应的公钥。

                示例：
                  walletsec age keygen -o key.txt
                """))
    }

    @OptionGroup var globals: GlobalOptions

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp(
            L(
                "Write the identity to this new file.",
                "把私钥写入这个新文件。"), valueName: "file"))
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
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "encrypt",
            abstract: L(
                "Encrypt a file (or standard input) to age recipients or with a passphrase.",
                "把文件（或标准输入）加密给 age 公钥，或用密码加密。"),
            discussion: L(
                """
                Example:
                  walletsec age encrypt -r age1… -a -o report.txt.age report.txt
                  walletsec age encrypt -p --passphrase-file pass.txt -o notes.age notes.txt
                """,
                """
                示例：
                  walletsec age encrypt -r age1… -a -o report.txt.age report.txt
                  walletsec age encrypt -p --passphrase-file pass.txt -o notes.age notes.txt
                """))
    }

    @OptionGroup var globals: GlobalOptions

    @OptionGroup var recipientOptions: RecipientOptions

    @Flag(
        name: [.customShort("p"), .long],
        help: ArgumentHelp(
            L(
                "Encrypt with a passphrase (scrypt) instead of recipients.",
                "用密码（scrypt）加密，而不是加密给公钥。")))
    var passphrase = false

    @Flag(
        name: [.customShort("a"), .long],
        help: ArgumentHelp(
            L(
                "Write ASCII armor (PEM) instead of binary.",
                "输出 ASCII 文本格式（PEM），而不是二进制。")))
    var armor = false

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp(
            L(
                "Write to this new file (default: standard output).",
                "写入这个新文件（默认：标准输出）。"), valueName: "file"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read the passphrase for -p from the first line of this file.",
                "从这个文件的第一行读取 -p 用的密码。"), valueName: "file"))
    var passphraseFile: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Accept a passphrase the strength check rejects.",
                "接受未通过强度检查的密码。")))
    var allowWeak = false

    @Argument(
        help: ArgumentHelp(
            L(
                "The file to encrypt (default: standard input).",
                "要加密的文件（默认：标准输入）。"), valueName: "input"))
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
                en: "refusing to write binary to a terminal; use -o FILE or -a", zh: "拒绝向终端输出二进制数据；请使用 -o <文件> 或 -a")
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
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "decrypt",
            abstract: L(
                "Decrypt an age file (binary or armored) with identity files or a passphrase.",
                "用私钥文件或密码解密 age 文件（二进制或文本格式）。"),
            discussion: L(
                """
                A file written with -o appears only after every chunk verified; on standard output only verified chunks are written. Exit 3 when no identity or passphrase opens the file, 4 when it is malformed or was altered.

                Example:
                  walletsec age decrypt -i key.txt -o report.txt report.txt.age
                """,
                """
                用 -o 写出的文件要等每个数据块都验证通过后才会出现；写到标准输出时只输出已验证的数据块。没有私钥或密码能打开文件时退出码为 3，文件格式有误或被改动过时为 4。

                示例：
                  walletsec age decrypt -i key.txt -o report.txt report.txt.age
                """))
    }

    @OptionGroup var globals: GlobalOptions

    @Option(
        name: [.customShort("i"), .long],
        help: ArgumentHelp(
            L(
                "An identity file (age-keygen format; repeatable).",
                "私钥文件（age-keygen 格式；可重复）。"), valueName: "file"))
    var identity: [String] = []

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp(
            L(
                "Write to this new file (default: standard output).",
                "写入这个新文件（默认：标准输出）。"), valueName: "file"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Read the passphrase from the first line of this file.",
                "从这个文件的第一行读取密码。"), valueName: "file"))
    var passphraseFile: String?

    @Argument(
        help: ArgumentHelp(
            L(
                "The age file (default: standard input).",
                "age 文件（默认：标准输入）。"), valueName: "input"))
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
                    zh: "这个文件是加密给公钥的，请用 -i 指定私钥文件")
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
