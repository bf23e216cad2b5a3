// A bank CSV read through rules (`--rules`). An input holding a line `%%` is a rules file, the
// line, then the CSV, so both are mutated together; otherwise the CSV is read with fixed rules
// exercising field names, a date format, amount-in/amount-out and a skip.
import Statements

private let fixedRules = try! CSVRules.parse(
    """
    skip 1
    fields date, description, amount-out, amount-in, balance
    date-format %m/%d/%Y
    currency CAD
    if GROCER
      description groceries
    """, file: "fixed.rules")

private let marker = Array("\n%%\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var rules = fixedRules
    var csv = bytes[...]
    if let cut = firstRange(of: marker, in: bytes) {
        guard let parsed = try? CSVRules.parse(String(decoding: bytes[..<cut], as: UTF8.self), file: "fuzz.rules")
        else { return 0 }
        rules = parsed
        csv = bytes[(cut + marker.count)...]
    }
    for dateOrder in [nil, DateOrder.dmy] {
        _ = try? StatementReader.parse(
            Array(csv), file: "fuzz.csv", options: ReadOptions(format: .csv, rules: rules, dateOrder: dateOrder))
    }
    return 0
}

private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle)
    {
        return start
    }
    return nil
}
