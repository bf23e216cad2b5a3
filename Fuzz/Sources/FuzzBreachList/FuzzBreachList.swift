// Breach-list files (`--breach-list`): the input is written to a temporary file, loaded with
// BreachList(path:) and looked up.
import Glibc
import PasswordStrength

private let path: String = {
    var template = Array("/tmp/walletsec-fuzz-breach-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    precondition(fd >= 0, "mkstemp failed")
    close(fd)
    return String(cString: template)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fd = open(path, O_WRONLY | O_TRUNC)
    precondition(fd >= 0, "cannot open \(path)")
    var written = 0
    while written < size {
        let n = write(fd, data + written, size - written)
        precondition(n > 0, "write failed")
        written += n
    }
    close(fd)
    if let list = try? BreachList(path: path) {
        for password in ["password", "123456", "", "wallet2024"] { _ = list.count(for: password) }
    }
    return 0
}
