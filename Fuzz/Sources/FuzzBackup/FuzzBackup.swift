// Backup records: the input is the plaintext a backup holds (header line, record lines). It is
// encrypted in memory to a fixed X25519 key and verified through the public BackupFile API, so the
// fuzzer reaches the record parser and its validation rather than stopping at the age MAC.
import AgeFormat
import Backup

private let identity = try! X25519Identity(secretKey: SecureBytes([UInt8](repeating: 9, count: 32)))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let sink = MemorySink()
    do {
        let writer = try AgeWriter(sink: sink, recipients: [identity.recipient])
        try writer.write(bytes)
        try writer.finish()
    } catch {
        fatalError("encrypting the fuzz input failed: \(error)")
    }
    let backup = BackupFile(source: MemorySource(sink.bytes))
    _ = try? backup.verify(keys: BackupKeys(passphrase: { SecureBytes(count: 0) }, identities: { [identity] }))
    return 0
}
