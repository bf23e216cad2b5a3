// A password as the matchers see it: Unicode scalars (as zxcvbn's code points), their lowercase forms,
// and the lowercase UTF-8 bytes with per-scalar offsets so dictionary lookups hash bytes directly.

struct PasswordText {
    let scalars: [Unicode.Scalar]
    let lower: [UInt32]
    let lowerBytes: [UInt8]
    /// offsets[k] is where scalar k starts in lowerBytes; offsets[count] == lowerBytes.count.
    let offsets: [Int]

    var count: Int { scalars.count }

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var lower: [UInt32] = []
        lower.reserveCapacity(scalars.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            let folded = PasswordText.lowercase(scalar)
            lower.append(folded.value)
            offsets.append(bytes.count)
            if folded.value < 0x80 {
                bytes.append(UInt8(folded.value))
            } else {
                bytes.append(contentsOf: String(folded).utf8)
            }
        }
        offsets.append(bytes.count)
        self.lower = lower
        lowerBytes = bytes
        self.offsets = offsets
    }

    init(_ text: String) { self.init(Array(text.unicodeScalars)) }

    /// One scalar to one scalar (Python's str.lower() keeps lengths for almost all input; we always do).
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5a { return Unicode.Scalar(value + 32)! }
            return scalar
        }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        if mapped.count == 1, let first = mapped.first { return first }
        return scalar
    }

    func token(_ i: Int, _ j: Int) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[i...j])
        return String(text)
    }

    func lowerToken(_ i: Int, _ j: Int) -> String {
        String(decoding: lowerBytes[offsets[i]..<offsets[j + 1]], as: UTF8.self)
    }

    @inline(__always) func isDigit(_ k: Int) -> Bool { lower[k] >= 0x30 && lower[k] <= 0x39 }
    @inline(__always) func isLowerASCII(_ k: Int) -> Bool {
        let v = scalars[k].value
        return v >= 0x61 && v <= 0x7a
    }
    @inline(__always) func isLetterASCII(_ k: Int) -> Bool { lower[k] >= 0x61 && lower[k] <= 0x7a }

    /// Maximal runs of ASCII letters (after lowercasing), the stretches pinyin matchers read.
    func letterRuns() -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        var start = 0
        while start < count {
            guard isLetterASCII(start) else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < count && isLetterASCII(end + 1) { end += 1 }
            runs.append(start...end)
            start = end + 1
        }
        return runs
    }
    @inline(__always) func digit(_ k: Int) -> Int { Int(lower[k]) - 0x30 }
}
