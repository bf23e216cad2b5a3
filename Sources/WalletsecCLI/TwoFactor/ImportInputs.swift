// The inputs of `2fa import`: screenshots and photos (PNG/JPEG, told by their first bytes) become the text of
// their QR codes; otpauth lines from images and URI-list files form one list, so the parts of one Google
// Authenticator export can come from several pictures; other export files are read one by one.
import OneTimePassword
import QRCode
import WalletCore
import WalletCrypto

enum ImportInputs {
    /// Every account of every input, read whole before anything is stored (all or nothing). `formatName` is
    /// the common format, or `mixed` when the inputs differ.
    static func read(_ paths: [String], password: () throws -> SecureBytes) throws -> (
        formatName: String, file: ImportedFile
    ) {
        var lines: [String] = []
        var others: [ImportedFile] = []
        for path in paths {
            var bytes = path == "-" ? try StandardInput.readAll() : try FileSystem.readAll(path, limit: 64 << 20)
            defer { Memory.zero(&bytes) }
            if QRImageReader.format(of: bytes) != nil {
                for text in try decodeImage(bytes, path: path) where !lines.contains(text) {
                    lines.append(text)  // the same code photographed twice is one code
                }
            } else if let text = String(validating: bytes, as: UTF8.self), isURIList(text) {
                lines += text.split(whereSeparator: \.isNewline).map(String.init)
            } else {
                others.append(try OTPImporter.read(bytes, password: password))
            }
        }
        var files = others
        if !lines.isEmpty {
            var text = Array(lines.joined(separator: "\n").utf8)
            defer { Memory.zero(&text) }
            files.insert(try OTPImporter.read(text, password: password), at: 0)
        }
        guard var combined = files.first else {
            throw CLIFailure.usage(en: "nothing to import", zh: "没有可导入的内容")
        }
        for file in files.dropFirst() {
            combined.accounts += file.accounts
            combined.warnings += file.warnings
            combined.skipped += file.skipped
        }
        let names = Set(files.map(\.format.rawValue))
        return (names.count == 1 ? combined.format.rawValue : "mixed", combined)
    }

    /// Only otpauth:// and otpauth-migration:// lines (blank and '#' lines allowed).
    static func isURIList(_ text: String) -> Bool {
        var any = false
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingPrefix(while: \.isWhitespace)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let lower = trimmed.prefix(20).lowercased()
            guard lower.hasPrefix("otpauth://") || lower.hasPrefix("otpauth-migration://") else { return false }
            any = true
        }
        return any
    }

    /// The QR texts of one image; a failure names the file, in the image error's own words.
    static func decodeImage(_ bytes: [UInt8], path: String) throws -> [String] {
        do {
            return try QRImageReader.decode(imageBytes: bytes)
        } catch {
            let message = error.userMessage
            let name = path == "-" ? "stdin" : path
            throw CLIFailure(message.status, en: "\(name): \(message.text.en)", zh: "\(name)：\(message.text.zh)")
        }
    }
}
