// The fast record parser against Foundation's JSON reader: same strings for every escape, and
// refusal of everything outside valid JSON or outside the subset rows use.
import Foundation
import WalletCore
import XCTest

@testable import Backup

final class RecordParserTests: XCTestCase {
    func parse(_ text: String) -> [String: RecordNode]? { RecordParser.parse(Array(text.utf8)) }

    func testStringsMatchFoundation() throws {
        let samples = [
            "plain", "quote \" backslash \\ slash /", "tab\tnewline\ncr\r", "\u{01}\u{1f}", "中文 é 😀",
            "\u{2028}", "",
        ]
        for sample in samples {
            var encoded: [UInt8] = []
            JSONLineWriter.appendQuoted(sample, to: &encoded)
            let text = "{\"k\":" + String(decoding: encoded, as: UTF8.self) + "}"
            XCTAssertEqual(parse(text)?["k"], .string(sample), sample)
            let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
            XCTAssertEqual(foundation?["k"], sample)
        }
        XCTAssertEqual(parse(#"{"k":"\ud83d\ude00 \u00e9 \/"}"#)?["k"], .string("😀 é /"))
    }

    func testSubsetValues() {
        XCTAssertEqual(
            parse(#" { "a" : null , "b":-9223372036854775808, "c":0, "d":{"x":"y"}, "e":{} } "#),
            [
                "a": .null, "b": .integer(Int64.min), "c": .integer(0), "d": .object(["x": .string("y")]),
                "e": .object([:]),
            ])
    }

    func testRejectsInvalidOrOutsideSubset() {
        let bad = [
            "", "[]", "{", "{}x", #"{"a":1,}"#, #"{"a":01}"#, #"{"a":1.5}"#, #"{"a":1e3}"#, #"{"a":true}"#,
            #"{"a":[1]}"#, #"{"a":"\x"}"#, #"{"a":"\ud83d"}"#, "{\"a\":\"\u{01}\"}", #"{"a":1,"a":2}"#,
            #"{"a":9223372036854775808}"#, #"{a:1}"#, #"{"a" 1}"#, #"{"a":nul}"#,
        ]
        for text in bad {
            XCTAssertNil(parse(text), text)
        }
        XCTAssertNil(RecordParser.parse([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))  // invalid UTF-8
    }
}
