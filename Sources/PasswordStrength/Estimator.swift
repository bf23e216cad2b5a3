// The public entry point: estimate how many guesses a password takes, its 0–4 score, crack times and feedback.
import WalletCore

#if canImport(Glibc)
    import Glibc
#endif

/// Seconds to crack at the four attack speeds zxcvbn uses.
public struct CrackTimes: Sendable, Codable, Equatable {
    /// 100 guesses per hour (a throttled login).
    public var onlineThrottled: Double
    /// 10 guesses per second.
    public var online: Double
    /// 10^4 guesses per second (a slow hash like Argon2id or bcrypt).
    public var offlineSlow: Double
    /// 10^10 guesses per second (a fast unsalted hash).
    public var offlineFast: Double

    init(guessesLog10: Double) {
        let guesses = Scoring.pow10Clamped(guessesLog10)
        onlineThrottled = guesses / (100.0 / 3600.0)
        online = guesses / 10
        offlineSlow = guesses / 1e4
        offlineFast = guesses / 1e10
    }
}

/// How guessable one password is.
public struct StrengthResult: Sendable {
    /// 0 (too guessable) to 4 (very unguessable), zxcvbn's thresholds.
    public var score: Int
    /// log10 of the estimated guesses.
    public var guessesLog10: Double
    /// Estimated guesses (capped at 1e300).
    public var guesses: Double { Scoring.pow10Clamped(guessesLog10) }
    /// Seconds to crack at four attack speeds.
    public var crackTimes: CrackTimes
    /// The patterns that make up the password, in order, as the cheapest guessing sequence found.
    public var sequence: [PatternMatch]
    /// What to tell the user, in English and Chinese.
    public var feedback: Feedback
    /// Set by the caller after a breach-list lookup; a breached password scores 0.
    public var breached: Bool?

    /// Records a breach-list lookup: a breached password scores 0 with breach feedback.
    public mutating func markBreached(_ breached: Bool) {
        self.breached = breached
        if breached {
            score = 0
            feedback = Feedback.breached
        }
    }
}

/// Estimates password strength, zxcvbn-style and aware of Chinese habits (pinyin, love numbers, phone numbers).
///
/// ```swift
/// let result = Estimator().estimate("woaini1314", userInputs: ["alice"])
/// result.score                          // 0
/// result.feedback.warning?.text(.zh)    // names the weakness in Chinese
/// ```
public struct Estimator: Sendable {
    /// Characters analysed; beyond this the rest is charged as bruteforce (10 guesses a character).
    /// Every matcher's work is linear in the length with bounded windows, and the search is bounded
    /// beyond GuessSearch.exactLength, so inputs up to this length finish in bounded time.
    public static let analysedLength = 10_000
    /// The year dates and years in passwords are judged against (recent years are guessed first).
    public let referenceYear: Int
    let dictionaries: RankedDictionaries

    /// An estimator; `referenceYear` defaults to the current UTC year (tests pin it).
    public init(referenceYear: Int? = nil) {
        self.referenceYear = referenceYear ?? Estimator.currentYear()
        dictionaries = RankedDictionaries.shared
    }

    /// Loads the built-in dictionaries now rather than on the first estimate.
    public static func warmUp() {
        _ = RankedDictionaries.shared
    }

    static func currentYear() -> Int {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return Int(parts.tm_year) + 1900
    }

    /// The strength of `password`. `userInputs` are words it should not contain (account name, phone,
    /// e-mail): matching them makes it weaker. With `breaches`, a password found there scores 0.
    public func estimate(_ password: String, userInputs: [String] = [], breaches: BreachList?) -> StrengthResult {
        var result = estimate(password, userInputs: userInputs)
        if let breaches { result.markBreached(breaches.contains(password)) }
        return result
    }

    /// The strength of `password`; `userInputs` are words it should not contain.
    public func estimate(_ password: String, userInputs: [String] = []) -> StrengthResult {
        var scalars = Array(password.unicodeScalars)
        if scalars.count > Estimator.analysedLength { scalars = Array(scalars[0..<Estimator.analysedLength]) }
        let extra = password.unicodeScalars.count - scalars.count
        let text = PasswordText(scalars)
        let analysis = analyse(text, depth: 0, userInputs: Estimator.prepare(userInputs))
        // Characters beyond the analysed prefix count as bruteforce (10 guesses each, as zxcvbn's cardinality).
        let guessesLog10 = analysis.guessesLog10 + Double(extra)
        let score = Scoring.score(guessesLog10: guessesLog10)
        return StrengthResult(
            score: score, guessesLog10: guessesLog10, crackTimes: CrackTimes(guessesLog10: guessesLog10),
            sequence: analysis.sequence,
            feedback: Feedback.make(score: score, sequence: analysis.sequence, whole: analysis.wholeMatch),
            breached: nil)
    }

    /// User inputs as lowercase scalar arrays; e-mail addresses also give their local part and domain name,
    /// phone numbers their digits.
    static func prepare(_ inputs: [String]) -> [[UInt32]] {
        var words: [String] = []
        for input in inputs {
            let lower = input.lowercased()
            words.append(lower)
            if let at = lower.firstIndex(of: "@") {
                words.append(String(lower[..<at]))
                let domain = lower[lower.index(after: at)...]
                if let dot = domain.firstIndex(of: ".") { words.append(String(domain[..<dot])) }
            }
            let digits = lower.filter(\.isASCII).filter(\.isNumber)
            if digits.count >= 5 && digits.count != lower.count { words.append(String(digits)) }
        }
        var seen = Set<String>()
        return words.filter { !$0.isEmpty && seen.insert($0).inserted }.map { $0.unicodeScalars.map(\.value) }
    }

    func analyse(_ password: PasswordText, depth: Int, userInputs: [[UInt32]] = []) -> GuessSearch.Result {
        let matches = omnimatch(password, depth: depth, userInputs: userInputs)
        var result = GuessSearch.search(password, matches: matches, referenceYear: referenceYear)
        // What the whole password *is* can matter more to the user than the cheapest way to guess it:
        // "13812345678" is cheapest as 138 + a sequence, but the advice is about phone numbers (or QQ numbers).
        // Used only when no single match of the sequence already covers the whole password.
        if result.sequence.count > 1,
            let whole = matches.first(where: {
                $0.i == 0 && $0.j == password.count - 1 && ($0.kind == .mobile || $0.kind == .qqNumber)
            })
        {
            result.wholeMatch = PatternMatch(whole, password)
        }
        return result
    }

    func omnimatch(_ password: PasswordText, depth: Int, userInputs: [[UInt32]]) -> [Candidate] {
        let dictionary = DictionaryMatcher(dictionaries: dictionaries, userInputs: userInputs)
        var pinyinNames: [Candidate] = []
        var matches = dictionary.matches(password, pinyinNames: &pinyinNames)
        matches.append(contentsOf: dictionary.reversedMatches(password))
        matches.append(contentsOf: dictionary.l33tMatches(password))
        let fullNames = PinyinMatcher.nameMatches(password, dictionaryMatches: pinyinNames)
        matches.append(contentsOf: fullNames)
        pinyinNames.append(contentsOf: fullNames)
        matches.append(contentsOf: SpatialMatcher.matches(password))
        if depth < 3 { matches.append(contentsOf: RepeatMatcher.matches(password, estimator: self, depth: depth)) }
        matches.append(contentsOf: SequenceMatcher.matches(password))
        matches.append(contentsOf: YearMatcher.matches(password, referenceYear: referenceYear))
        matches.append(contentsOf: DateMatcher.matches(password, referenceYear: referenceYear))
        matches.append(
            contentsOf: NameDateMatcher.matches(
                password, names: pinyinNames, dates: matches.filter { $0.kind == .date || $0.kind == .year },
                referenceYear: referenceYear))
        matches.append(contentsOf: PinyinMatcher.syllableMatches(password))
        matches.append(contentsOf: PinyinMatcher.initialsMatches(password))
        matches.append(contentsOf: DigitCultureMatcher.matches(password))
        return matches
    }
}
