// walletsec password generate: random passphrases or passwords with their estimated strength.
import ArgumentParser
import PasswordStrength
import WalletCore

struct PasswordGenerateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "generate",
            abstract: L(
                "Generate a random passphrase (words) or password (characters) and show its strength.",
                "生成随机密码短语（由词组成）或随机密码（由字符组成），并显示其强度。"),
            discussion: L(
                """
                Randomness comes from libsodium. Passphrases join words with '-': English words by default, pinyin syllables with --pinyin. --length makes a password of random characters instead.

                Example:
                  walletsec password generate --words 6
                  walletsec password generate --words 8 --pinyin
                  walletsec password generate --length 20 --json
                """,
                """
                随机数来自 libsodium。密码短语的词之间用“-”连接：默认是英文单词，带 --pinyin 时是拼音音节。--length 改为生成随机字符组成的密码。

                示例：
                  walletsec password generate --words 6
                  walletsec password generate --words 8 --pinyin
                  walletsec password generate --length 20 --json
                """))
    }

    @OptionGroup var globals: GlobalOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "Number of words (default 6; 8 with --pinyin).",
                "词的个数（默认 6 个；带 --pinyin 时 8 个）。"), valueName: "n"))
    var words: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "A password of this many random characters instead of words.",
                "改为生成这么多个随机字符组成的密码。"), valueName: "n"))
    var length: Int?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            L(
                "Use pinyin syllables instead of English words.",
                "用拼音音节代替英文单词。")))
    var pinyin = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            L(
                "How many to generate.",
                "生成几个。"), valueName: "n"))
    var count = 1

    struct Output: Encodable {
        var password: String
        var entropyBits: Double
        var score: Int
        var guessesLog10: Double
    }

    /// Option checks, run first in run(): thrown from validate(), ArgumentParser would wrap the CLIFailure and
    /// print its debug description instead of its message.
    func checkOptions() throws {
        if words != nil && length != nil {
            throw CLIFailure.usage(en: "use either --words or --length, not both", zh: "--words 与 --length 只能选一个")
        }
        if length != nil && pinyin {
            throw CLIFailure.usage(en: "--pinyin goes with --words, not --length", zh: "--pinyin 只能与 --words 一起使用")
        }
        if let words, !(1...64).contains(words) {
            throw CLIFailure.usage(en: "--words must be between 1 and 64", zh: "--words 必须在 1 到 64 之间")
        }
        if let length, !(4...256).contains(length) {
            throw CLIFailure.usage(en: "--length must be between 4 and 256", zh: "--length 必须在 4 到 256 之间")
        }
        if !(1...1000).contains(count) {
            throw CLIFailure.usage(en: "--count must be between 1 and 1000", zh: "--count 必须在 1 到 1000 之间")
        }
    }

    func run() throws {
        try checkOptions()
        let estimator = Estimator()
        for _ in 0..<count {
            let secret: String
            let bits: Double
            if let length {
                secret = PasswordGenerator.password(length: length)
                bits = PasswordGenerator.entropyBits(length: length)
            } else {
                let n = words ?? (pinyin ? 8 : 6)
                secret = PasswordGenerator.passphrase(words: n, pinyin: pinyin)
                bits = PasswordGenerator.entropyBits(words: n, pinyin: pinyin)
            }
            let result = estimator.estimate(secret)
            let roundedBits = (bits * 10).rounded() / 10
            if globals.json {
                try Terminal.json(
                    Output(
                        password: secret, entropyBits: roundedBits, score: result.score,
                        guessesLog10: (result.guessesLog10 * 1000).rounded() / 1000))
            } else {
                Terminal.out(
                    globals.language == .zh
                        ? "\(secret)\t（\(roundedBits) 比特随机性，评分 \(result.score)/4）"
                        : "\(secret)\t(\(roundedBits) bits of randomness, score \(result.score)/4)")
            }
        }
    }
}
