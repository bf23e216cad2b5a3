// XLSX worksheets: the input is split at the first NUL into xl/worksheets/sheet1.xml and
// xl/sharedStrings.xml, packed into a valid stored ZIP here, and read as a statement, so the fuzzer
// mutates the cell XML (references, types, shared-string indexes) instead of the ZIP framing
// (which FuzzZipBill and FuzzStatement cover).
import Statements

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = bytes.firstIndex(of: 0) ?? bytes.endIndex
    var files = [("xl/worksheets/sheet1.xml", Array(bytes[..<cut]))]
    if cut < bytes.endIndex { files.append(("xl/sharedStrings.xml", Array(bytes[(cut + 1)...]))) }
    _ = try? StatementReader.parse(storedZIP(files), file: "fuzz.xlsx", options: ReadOptions())
    return 0
}

/// A ZIP archive holding `files` uncompressed (method 0), enough for any ZIP reader.
private func storedZIP(_ files: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (name, body) in files {
        let offset = UInt32(out.count)
        let crc = crc32(body)
        let nameBytes = Array(name.utf8)
        func common(_ buffer: inout [UInt8]) {
            le16(&buffer, 20)  // version needed
            le16(&buffer, 0)  // flags
            le16(&buffer, 0)  // method: stored
            le16(&buffer, 0)  // time
            le16(&buffer, 0x21)  // date (1980-01-01)
            le32(&buffer, crc)
            le32(&buffer, UInt32(body.count))
            le32(&buffer, UInt32(body.count))
            le16(&buffer, UInt16(nameBytes.count))
            le16(&buffer, 0)  // extra length
        }
        le32(&out, 0x0403_4b50)
        common(&out)
        out += nameBytes
        out += body
        le32(&central, 0x0201_4b50)
        le16(&central, 20)  // version made by
        common(&central)
        le16(&central, 0)  // comment length
        le16(&central, 0)  // disk
        le16(&central, 0)  // internal attributes
        le32(&central, 0)  // external attributes
        le32(&central, offset)
        central += nameBytes
    }
    let centralOffset = UInt32(out.count)
    out += central
    le32(&out, 0x0605_4b50)
    le16(&out, 0)
    le16(&out, 0)
    le16(&out, UInt16(files.count))
    le16(&out, UInt16(files.count))
    le32(&out, UInt32(central.count))
    le32(&out, centralOffset)
    le16(&out, 0)
    return out
}

private func le16(_ buffer: inout [UInt8], _ value: UInt16) {
    buffer.append(UInt8(value & 0xff))
    buffer.append(UInt8(value >> 8))
}

private func le32(_ buffer: inout [UInt8], _ value: UInt32) {
    le16(&buffer, UInt16(value & 0xffff))
    le16(&buffer, UInt16(value >> 16))
}

/// The ZIP checksum (CRC-32, IEEE polynomial): a framing checksum, not cryptography.
private let crcTable: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    return crc
}

private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
}
