// In-process tests of the user's language (issue 14): global options before the subcommand, the language's
// sources, help texts of every command in both languages, parser errors with suggestions, Chinese wrapping.
import Anomaly
import ArgumentParser
import Statements
import WalletCore
import XCTest

@testable import WalletsecCLI

final class LanguageTests: XCTestCase {
    override func tearDown() {
        HelpLanguage.current = .en
        super.tearDown()
    }

    // MARK: Global options before the subcommand

    func testGlobalOptionsBeforeTheSubcommandMoveToTheLeaf() throws {
        XCTAssertEqual(GlobalOptionLifting.lift(["--json", "status"]), ["status", "--json"])
        XCTAssertEqual(
            GlobalOptionLifting.lift(["--vault", "/v", "--lang", "zh", "2fa", "list"]),
            ["2fa", "list", "--vault", "/v", "--lang", "zh"])
        XCTAssertEqual(
            GlobalOptionLifting.lift(["--vault=/v", "--json", "status"]), ["status", "--vault=/v", "--json"])
        // Before a `--` terminator, so a file named --json after it stays a file.
        XCTAssertEqual(
            GlobalOptionLifting.lift(["--json", "scan", "a.csv", "--", "--json"]),
            ["scan", "a.csv", "--json", "--", "--json"])
        // Only the leading run: --json as another option's value, or after the subcommand, is left alone.
        XCTAssertEqual(
            GlobalOptionLifting.lift(["history", "ack", "x", "--note", "--json"]),
            ["history", "ack", "x", "--note", "--json"])
        XCTAssertEqual(GlobalOptionLifting.lift(["status", "--json"]), ["status", "--json"])
        // No subcommand: nothing to attach them to (the start guide is shown in the lifted language).
        XCTAssertEqual(GlobalOptionLifting.lift(["--lang", "zh"]), [])
        XCTAssertEqual(GlobalOptionLifting.lift(["--lang", "zh", "--help"]), ["--help"])

        let status = try XCTUnwrap(
            Walletsec.parseAsRoot(GlobalOptionLifting.lift(["--json", "--vault", "/v", "status"])) as? StatusCommand)
        XCTAssertTrue(status.globals.json)
        XCTAssertEqual(status.globals.vault, "/v")
        let list = try XCTUnwrap(
            Walletsec.parseAsRoot(GlobalOptionLifting.lift(["--lang", "zh", "2fa", "list"])) as? TwoFactorList)
        XCTAssertEqual(list.globals.language, .zh)
        // Without lifting, ArgumentParser rejects them: the lifting is what makes the order free.
        XCTAssertThrowsError(try Walletsec.parseAsRoot(["--json", "status"]))
    }

    // MARK: Where the language comes from

    func testLanguageFromLangFlagThenLCAllThenLCMessagesThenLang() {
        XCTAssertEqual(HelpLanguage.resolve(arguments: [], environment: ["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(
            HelpLanguage.resolve(arguments: [], environment: ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]),
            .en)
        XCTAssertEqual(
            HelpLanguage.resolve(arguments: [], environment: ["LC_MESSAGES": "zh_TW.UTF-8", "LC_ALL": "C"]), .en)
        XCTAssertEqual(HelpLanguage.resolve(arguments: [], environment: ["LC_ALL": "zh_CN.GB18030"]), .zh)
        XCTAssertEqual(HelpLanguage.resolve(arguments: ["status", "--lang", "zh"], environment: ["LC_ALL": "C"]), .zh)
        XCTAssertEqual(HelpLanguage.resolve(arguments: ["--lang=en", "status"], environment: ["LANG": "zh_CN"]), .en)
        // After `--` it is a file name, not an option.
        XCTAssertEqual(HelpLanguage.resolve(arguments: ["scan", "--", "--lang", "zh"], environment: [:]), .en)
        XCTAssertEqual(HelpLanguage.resolve(arguments: [], environment: [:]), .en)
    }

    // MARK: Help texts of every command

    private func allCommands(_ root: ParsableCommand.Type = Walletsec.self) -> [ParsableCommand.Type] {
        [root] + root.configuration.subcommands.flatMap { allCommands($0) }
    }

    private func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) }
    }

    func testEveryCommandHasChineseAndEnglishHelp() {
        let commands = allCommands()
        XCTAssertGreaterThanOrEqual(commands.count, 40, "the command tree (groups and leaves)")
        for language in [Language.zh, .en] {
            HelpLanguage.current = language
            for command in commands {
                let name = command._commandName
                let configuration = command.configuration
                XCTAssertEqual(
                    hasCJK(configuration.abstract), language == .zh, "\(name) abstract: \(configuration.abstract)")
                // The English scan page names the 解压密码 as the wallet's mail calls it; nothing else is Chinese.
                let discussion = configuration.discussion.replacingOccurrences(of: "解压密码", with: "")
                XCTAssertEqual(
                    hasCJK(discussion), language == .zh && !discussion.isEmpty, "\(name) discussion")
                let page = Walletsec.helpMessage(for: command, columns: 10_000)
                // Every option and argument line carries help in the language (ArgumentParser's -h/--version
                // lines are translated when the page is printed, see testHelpPageHeadersAreTranslated).
                var entries: [String] = []
                for line in page.split(separator: "\n").map(String.init) {
                    if line.hasPrefix("  -") || line.hasPrefix("  <") {
                        entries.append(line)
                    } else if line.hasPrefix("    "), !entries.isEmpty {
                        entries[entries.count - 1] += line  // help under a long label
                    }
                }
                for entry in entries where !entry.contains("--help") && !entry.contains("--version") {
                    XCTAssertEqual(hasCJK(entry), language == .zh, "\(name): \(entry)")
                }
            }
        }
    }

    func testHelpPageHeadersAreTranslated() {
        let page =
            "OVERVIEW: x\n\nUSAGE: walletsec status\n\nOPTIONS:\n  --json  y (default: 3)\n  -h, --help              Show help information.\n"
        let zh = ParserMessages.help(page, language: .zh)
        XCTAssertTrue(zh.contains("概述：x"))
        XCTAssertTrue(zh.contains("用法：walletsec status"))
        XCTAssertTrue(zh.contains("选项："))
        XCTAssertTrue(zh.contains("y（默认：3）"))
        XCTAssertTrue(zh.contains("显示帮助信息。"))
        XCTAssertEqual(ParserMessages.help(page, language: .en), page)
    }

    func testChineseHelpWrapsByDisplayWidthUnderTheHelpColumn() {
        let help = String(repeating: "很长的中文说明，", count: 12)
        let line = "  --window <window>       " + help
        let wrapped = ParserMessages.wrap(line, width: 80).split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(wrapped.count, 2)
        for (index, piece) in wrapped.enumerated() {
            XCTAssertLessThanOrEqual(DisplayWidth.of(piece), 80, piece)
            if index > 0 {
                XCTAssertTrue(piece.hasPrefix(String(repeating: " ", count: 26)), piece)
                let first = piece.drop { $0 == " " }.first
                XCTAssertFalse(
                    ["，", "。", "、", "）"].contains(first), "a line starts with closing punctuation: \(piece)")
            }
        }
        XCTAssertEqual(
            wrapped.joined().replacingOccurrences(of: " ", with: ""), line.replacingOccurrences(of: " ", with: ""))
        XCTAssertEqual(DisplayWidth.of("ab中文"), 6)
        // A subcommand line continues under the same column.
        let subcommand = ParserMessages.wrap("  status                  " + help, width: 80).split(separator: "\n")
        XCTAssertTrue(subcommand.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 26)) })
        // A label that fills its column (one space before the help) is still an option line.
        let full = ParserMessages.wrap("  --algorithm <algorithm> " + help, width: 80).split(separator: "\n")
        XCTAssertTrue(full.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 26)) })
    }

    // MARK: Parser errors

    func testParserErrorsInChineseWithSuggestions() {
        func zh(_ line: String, _ arguments: [String]) -> String {
            ParserMessages.usageLine(line, arguments: arguments, language: .zh)
        }
        func en(_ line: String, _ arguments: [String]) -> String {
            ParserMessages.usageLine(line, arguments: arguments, language: .en)
        }
        XCTAssertEqual(zh("Unknown option '--jsno'", ["status", "--jsno"]), "未知选项“--jsno”。您是不是想输入“--json”？")
        XCTAssertEqual(
            en("Unknown option '--jsno'. Did you mean '--json'?", ["status", "--jsno"]),
            "Unknown option '--jsno'. Did you mean '--json'?")
        XCTAssertEqual(zh("Unknown option '--zzzzzzz'", ["status", "--zzzzzzz"]), "未知选项“--zzzzzzz”")
        XCTAssertEqual(
            zh("Unknown option '--min-scor'", ["password", "check", "--min-scor"]),
            "未知选项“--min-scor”。您是不是想输入“--min-score”？")
        XCTAssertEqual(zh("Unexpected argument 'statsu'", ["statsu"]), "walletsec 没有“statsu”这个命令。您是不是想输入“status”？")
        XCTAssertEqual(
            en("Unexpected argument 'lsit'", ["2fa", "lsit"]),
            "Unknown command 'lsit' for 'walletsec 2fa'. Did you mean 'list'?")
        XCTAssertEqual(
            en("Unexpected argument 'ad'", ["2fa", "recovery", "ad"]),
            "Unknown command 'ad' for 'walletsec 2fa recovery'. Did you mean 'add'?")
        // A lifted global option reaching a command group: the mistyped word is what to report.
        XCTAssertEqual(
            zh("Unknown option '--json'", ["2fa", "lsit", "--json"]), "walletsec 2fa 没有“lsit”这个命令。您是不是想输入“list”？")
        XCTAssertEqual(zh("Missing expected argument '<name>'", ["2fa", "verify"]), "缺少参数“<name>”")
        XCTAssertEqual(zh("Missing value for '--min-score <n>'", ["password", "check"]), "选项“--min-score <n>”缺少取值")
        XCTAssertEqual(
            zh(
                "The value 'x' is invalid for '--min-severity <low|medium|high>'. Please provide one of 'low', 'medium' or 'high'.",
                ["scan"]),
            "“x”不是“--min-severity <low|medium|high>”的有效取值（可选：low、medium、high）")
        XCTAssertEqual(zh("2 unexpected arguments: 'a', 'b'", ["status", "a", "b"]), "多余的参数（2 个）：a, b")
        // A line no pattern knows stays as ArgumentParser wrote it rather than being guessed at.
        XCTAssertEqual(zh("Something new", ["status"]), "Something new")
    }

    func testEditDistanceCountsASwapAsOneEdit() {
        XCTAssertEqual(ParserMessages.editDistance("lsit", "list"), 1)
        XCTAssertEqual(ParserMessages.editDistance("statsu", "status"), 1)
        XCTAssertEqual(ParserMessages.editDistance("", "abc"), 3)
        XCTAssertEqual(ParserMessages.editDistance("kitten", "sitting"), 3)
        XCTAssertNil(ParserMessages.closest(to: "xyz", among: ["status", "init"]))
        XCTAssertEqual(ParserMessages.closest(to: "int", among: ["status", "init"]), "init")
    }

    func testCommandLookupFindsTheNamedCommand() {
        XCTAssertEqual(
            CommandLookup.path(of: CommandLookup.walk(["2fa", "recovery", "add", "x"]).0), "walletsec 2fa recovery add")
        XCTAssertEqual(CommandLookup.walk(["2fa", "nosuch"]).1, "nosuch")
        XCTAssertTrue(CommandLookup.optionNames(of: StatusCommand.self).contains("--json"))
    }

    // MARK: Start guide and human words

    func testStartGuideInBothLanguages() {
        let zh = StartGuide.text(.zh)
        XCTAssertTrue(zh.contains("walletsec init") && zh.contains("第一步") && zh.contains("双重验证"))
        XCTAssertFalse(zh.contains("你"))
        let en = StartGuide.text(.en)
        XCTAssertTrue(en.contains("walletsec init") && en.contains("Start here"))
        XCTAssertFalse(hasCJK(en))
    }

    func testTablesAmountsAndTimesForTheReader() {
        XCTAssertEqual(HumanText.tableLabel("alert_acks", .zh), "已忽略的告警")
        XCTAssertEqual(HumanText.tableLabel("otp_accounts", .en), "2FA accounts")
        let lines = HumanText.countLines(["transactions": 3, "otp_accounts": 2], .zh)
        XCTAssertEqual(lines, ["  双重验证账户：2", "  账单交易记录：3"])
        // history list writes amounts as the scan table and the dispute report do.
        XCTAssertEqual(AlertWords.money(decimal: "1140.87", currency: "CNY", language: .zh), "1,140.87 元")
        XCTAssertEqual(AlertWords.money(decimal: "-1140.87", currency: "CNY", language: .en), "¥-1,140.87")
        XCTAssertEqual(AlertWords.money(decimal: "115.8331", currency: "USD", language: .zh), "115.8331 USD")
        XCTAssertEqual(
            AlertWords.money(decimal: "140.87", currency: "CNY", language: .en),
            AlertWords.money(14087, currency: "CNY", language: .en))
        let refund = Transaction(
            sourceID: "r1", timestamp: 0, amountMinor: 100, direction: .outflow, counterparty: "x", isRefund: true,
            source: .alipay)
        XCTAssertEqual(AlertWords.direction(refund, language: .zh), "退款支出")
        XCTAssertEqual(AlertWords.direction(refund, language: .en), "refund paid")
        XCTAssertEqual(HumanText.localTime("not a time", .zh), "not a time")
        XCTAssertFalse(HumanText.localTime("2026-12-02T05:25:55Z", .en).contains("T05"))
    }

    func testLHelperFollowsTheResolvedLanguage() {
        HelpLanguage.current = .zh
        XCTAssertEqual(L("Show codes", "显示验证码"), "显示验证码")
        HelpLanguage.current = .en
        XCTAssertEqual(L("Show codes", "显示验证码"), "Show codes")
    }
}
