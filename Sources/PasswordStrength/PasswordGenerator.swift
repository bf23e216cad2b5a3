// Random passphrases (words from the built-in English or pinyin lists) and random passwords, drawn with
// libsodium's uniform random numbers (WalletCrypto.Random), never Foundation's generator.
import WalletCrypto

#if canImport(Glibc)
    import Glibc
#endif

/// Random passphrases and passwords from libsodium's uniform random numbers.
///
/// ```swift
/// let phrase = PasswordGenerator.passphrase(words: 6)          // "orbit-lantern-…", 78 bits
/// let bits = PasswordGenerator.entropyBits(words: 6, pinyin: false)
/// ```
public enum PasswordGenerator {
    /// Printable ASCII without look-alikes that are hard to read or type on a phone (space, quotes, backslash).
    static let characters = Array(
        "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#$%&*+-=?@^_~".unicodeScalars)

    /// English words of 4 to 8 letters from ranks 500 onward of the Wikipedia list (the very commonest
    /// words are skipped), 8,192 of them: 13 bits each.
    static let englishWords: [String] = {
        let all = RankedDictionaries.shared.words("english_wikipedia")
        let usable = all.dropFirst(500).filter { word in
            (4...8).contains(word.count) && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7a }
        }
        return Array(usable.prefix(8192))
    }()

    /// Pinyin words: the built-in given names of two syllables and the syllables themselves (no repeats).
    static let pinyinWords: [String] = {
        var seen = Set<String>()
        var words: [String] = []
        for word in RankedDictionaries.shared.syllables.map({ String(decoding: $0.syllable, as: UTF8.self) })
        where word.count >= 2 && seen.insert(word).inserted {
            words.append(word)
        }
        return words
    }()

    /// `count` random words joined by `separator`: English words, or pinyin syllables with `pinyin`.
    public static func passphrase(words count: Int, pinyin: Bool = false, separator: String = "-") -> String {
        let list = pinyin ? pinyinWords : englishWords
        return (0..<count).map { _ in list[Int(Random.uniform(UInt32(list.count)))] }.joined(separator: separator)
    }

    /// `length` random characters from a 72-character alphabet without look-alikes.
    public static func password(length: Int) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<length { text.append(characters[Int(Random.uniform(UInt32(characters.count)))]) }
        return String(text)
    }

    /// Bits of entropy of what `passphrase` or `password` produced (from the list sizes, not the estimator).
    public static func entropyBits(words count: Int, pinyin: Bool) -> Double {
        Double(count) * log2(Double((pinyin ? pinyinWords : englishWords).count))
    }

    /// Bits of entropy of a `password(length:)`.
    public static func entropyBits(length: Int) -> Double {
        Double(length) * log2(Double(characters.count))
    }
}
