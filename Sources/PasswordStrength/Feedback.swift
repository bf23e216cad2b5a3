// What to tell the user about a weak password, in English and Chinese: one warning naming the weakness,
// and suggestions (zxcvbn's wording for its patterns, plus the Chinese-specific ones).
import WalletCore

/// What to tell the user about a password, in English and Chinese.
public struct Feedback: Sendable, Equatable {
    /// The main weakness, if any.
    public var warning: LocalizedText?
    /// How to do better.
    public var suggestions: [LocalizedText]

    static let addWord = LocalizedText(
        en: "Add another word or two. Uncommon words are better.", zh: "再加一两个词，不常见的词更好。")

    static let breached = Feedback(
        warning: LocalizedText(
            en: "This password appears in a list of breached passwords.", zh: "这个密码出现在已泄露密码列表中。"),
        suggestions: [
            LocalizedText(en: "Never reuse a password that has leaked; choose a new one.", zh: "不要再用已泄露的密码，请换一个新密码。")
        ])

    static func make(score: Int, sequence: [PatternMatch], whole: PatternMatch? = nil) -> Feedback {
        if sequence.isEmpty {
            return Feedback(
                warning: nil,
                suggestions: [
                    LocalizedText(en: "Use a few words, avoid common phrases.", zh: "用几个词组成密码短语，避免常见短语。"),
                    LocalizedText(en: "No need for symbols, digits, or uppercase letters.", zh: "不必非要用符号、数字或大写字母。"),
                ])
        }
        if score > 2 { return Feedback(warning: nil, suggestions: []) }
        var longest = sequence[0]
        for match in sequence.dropFirst() where match.length > longest.length { longest = match }
        if let whole { longest = whole }
        var feedback = forMatch(longest, isSoleMatch: sequence.count == 1, sequence: sequence)
        feedback.suggestions.insert(addWord, at: 0)
        return feedback
    }

    private static func forMatch(_ match: PatternMatch, isSoleMatch: Bool, sequence: [PatternMatch]) -> Feedback {
        switch match.kind {
        case .dictionary:
            return dictionary(match, isSoleMatch: isSoleMatch, sequence: sequence)
        case .spatial:
            let warning =
                match.turns == 1
                ? LocalizedText(en: "Straight rows of keys are easy to guess.", zh: "键盘上连成一行的按键很容易被猜到。")
                : LocalizedText(en: "Short keyboard patterns are easy to guess.", zh: "简短的键盘图案（如 1qaz2wsx）很容易被猜到。")
            return Feedback(
                warning: warning,
                suggestions: [LocalizedText(en: "Use a longer keyboard pattern with more turns.", zh: "键盘图案要更长、转折更多。")])
        case .repeat:
            let warning =
                (match.baseToken?.unicodeScalars.count ?? 0) == 1
                ? LocalizedText(en: "Repeats like \"aaa\" are easy to guess.", zh: "像“aaa”这样的重复很容易被猜到。")
                : LocalizedText(
                    en: "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".",
                    zh: "像“abcabcabc”这样的重复只比“abc”难猜一点点。")
            return Feedback(
                warning: warning,
                suggestions: [LocalizedText(en: "Avoid repeated words and characters.", zh: "避免重复的词和字符。")])
        case .sequence:
            return Feedback(
                warning: LocalizedText(
                    en: "Sequences like \"abc\" or \"6543\" are easy to guess.", zh: "像“abc”或“6543”这样的序列很容易被猜到。"),
                suggestions: [LocalizedText(en: "Avoid sequences.", zh: "避免使用序列。")])
        case .year:
            return Feedback(
                warning: LocalizedText(en: "Recent years are easy to guess.", zh: "近年的年份很容易被猜到。"),
                suggestions: [
                    LocalizedText(en: "Avoid recent years.", zh: "避免使用近年的年份。"),
                    LocalizedText(en: "Avoid years that are associated with you.", zh: "避免使用与您相关的年份。"),
                ])
        case .date:
            let withName = sequence.contains { $0.kind == .pinyinName || $0.dictionaryName?.contains("name") == true }
            return Feedback(
                warning: withName
                    ? LocalizedText(en: "A name plus a birthday is easy to guess.", zh: "姓名加生日很容易被猜到。")
                    : LocalizedText(en: "Dates are often easy to guess.", zh: "日期（如生日）往往很容易被猜到。"),
                suggestions: [
                    LocalizedText(en: "Avoid dates and years that are associated with you.", zh: "避免使用与您相关的日期和年份。")
                ])
        case .pinyin:
            return Feedback(
                warning: LocalizedText(en: "Pinyin words and phrases are easy to guess.", zh: "拼音词语和短语很容易被猜到。"),
                suggestions: [
                    LocalizedText(en: "Use several unrelated words, not a phrase.", zh: "用几个互不相关的词，而不是一句话。")
                ])
        case .pinyinName:
            return Feedback(
                warning: LocalizedText(en: "Names in pinyin are easy to guess.", zh: "拼音姓名很容易被猜到。"),
                suggestions: [
                    LocalizedText(
                        en: "Avoid your own or your family's names and birthdays.", zh: "避免使用自己或家人的姓名和生日。")
                ])
        case .nameDate:
            return Feedback(
                warning: LocalizedText(en: "A name plus a birthday is easy to guess.", zh: "姓名加生日很容易被猜到。"),
                suggestions: [
                    LocalizedText(
                        en: "Avoid your own or your family's names and birthdays.", zh: "避免使用自己或家人的姓名和生日。")
                ])
        case .pinyinInitials:
            return Feedback(
                warning: LocalizedText(en: "Name initials are easy to guess.", zh: "姓名首字母缩写很容易被猜到。"),
                suggestions: [LocalizedText(en: "Avoid initials of names.", zh: "避免使用姓名缩写。")])
        case .mobile:
            return Feedback(
                warning: LocalizedText(en: "A phone number is easy to guess.", zh: "手机号码很容易被猜到。"),
                suggestions: [
                    LocalizedText(
                        en: "Avoid phone numbers and other numbers people can look up.", zh: "避免使用手机号等别人能查到的号码。")
                ])
        case .qqNumber:
            return Feedback(
                warning: LocalizedText(
                    en: "Numbers like QQ or account numbers are easy to guess.", zh: "QQ 号、账号这类号码很容易被猜到。"),
                suggestions: [LocalizedText(en: "Avoid account numbers.", zh: "避免使用账号号码。")])
        case .digits:
            return Feedback(
                warning: LocalizedText(
                    en: "Digit patterns like \"112233\" are easy to guess.", zh: "像“112233”这样的数字规律很容易被猜到。"),
                suggestions: [LocalizedText(en: "Avoid all-digit passwords.", zh: "避免纯数字密码。")])
        case .bruteforce:
            return Feedback(warning: nil, suggestions: [])
        }
    }

    private static func dictionary(_ match: PatternMatch, isSoleMatch: Bool, sequence: [PatternMatch]) -> Feedback {
        var warning: LocalizedText?
        switch match.dictionaryName ?? "" {
        case "passwords", "cn_passwords":
            if isSoleMatch && !match.l33t && !match.reversed {
                let rank = match.rank ?? Int.max
                if rank <= 10 {
                    warning = LocalizedText(en: "This is a top-10 common password.", zh: "这是最常见的 10 个密码之一。")
                } else if rank <= 100 {
                    warning = LocalizedText(en: "This is a top-100 common password.", zh: "这是最常见的 100 个密码之一。")
                } else {
                    warning = LocalizedText(en: "This is a very common password.", zh: "这是非常常见的密码。")
                }
            } else if match.guessesLog10 <= 4 {
                warning = LocalizedText(en: "This is similar to a commonly used password.", zh: "这与常用密码很相似。")
            }
        case "english_wikipedia":
            if isSoleMatch { warning = LocalizedText(en: "A word by itself is easy to guess.", zh: "单独一个词很容易被猜到。") }
        case "surnames", "male_names", "female_names", "pinyin_surnames", "pinyin_given_names":
            let withDate = sequence.contains { $0.kind == .date || $0.kind == .year }
            if withDate {
                warning = LocalizedText(en: "A name plus a birthday is easy to guess.", zh: "姓名加生日很容易被猜到。")
            } else if isSoleMatch {
                warning = LocalizedText(
                    en: "Names and surnames by themselves are easy to guess.", zh: "单独的名字或姓氏很容易被猜到。")
            } else {
                warning = LocalizedText(en: "Common names and surnames are easy to guess.", zh: "常见的名字和姓氏很容易被猜到。")
            }
        case "pinyin_words":
            warning = LocalizedText(en: "Pinyin words and phrases are easy to guess.", zh: "拼音词语和短语很容易被猜到。")
        case "love_numbers":
            warning = LocalizedText(
                en: "Love numbers like 520 or 1314 are easy to guess.", zh: "像 520、1314 这样的爱情数字很容易被猜到。")
        case "lucky_numbers":
            warning = LocalizedText(
                en: "Lucky numbers like 666 or 888 are easy to guess.", zh: "像 666、888 这样的吉利数字很容易被猜到。")
        case "user_inputs":
            warning = LocalizedText(
                en: "It contains your own account details (name, phone, e-mail).", zh: "其中包含您自己的账号信息（用户名、手机号、邮箱）。")
        default:
            warning = nil
        }
        var suggestions: [LocalizedText] = []
        let scalars = Array(match.token.unicodeScalars)
        let upper = scalars.filter { $0.properties.isUppercase }.count
        if let first = scalars.first, first.properties.isUppercase, upper == 1, scalars.count > 1 {
            suggestions.append(LocalizedText(en: "Capitalization doesn't help very much.", zh: "首字母大写帮助不大。"))
        } else if upper > 0, !scalars.contains(where: { $0.properties.isLowercase }) {
            suggestions.append(
                LocalizedText(
                    en: "All-uppercase is almost as easy to guess as all-lowercase.", zh: "全部大写和全部小写几乎一样容易被猜到。"))
        }
        if match.reversed && scalars.count >= 4 {
            suggestions.append(LocalizedText(en: "Reversed words aren't much harder to guess.", zh: "把词倒过来写并不会难猜多少。"))
        }
        if match.l33t {
            suggestions.append(
                LocalizedText(
                    en: "Predictable substitutions like '@' instead of 'a' don't help very much.",
                    zh: "用“@”代替“a”这类可预测的替换帮助不大。"))
        }
        return Feedback(warning: warning, suggestions: suggestions)
    }
}
