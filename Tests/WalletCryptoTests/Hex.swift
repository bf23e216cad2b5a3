import Foundation

// Hex helpers for test vectors.

func hex(_ string: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var iterator = string.filter { !$0.isWhitespace }.makeIterator()
    while let high = iterator.next(), let low = iterator.next() {
        bytes.append(UInt8(String([high, low]), radix: 16)!)
    }
    return bytes
}

func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}
