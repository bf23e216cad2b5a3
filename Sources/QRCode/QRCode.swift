// QR codes for otpauth URIs and age recipients: libqrencode for the matrix, Unicode half blocks to draw it.
import CQRencode

/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Equatable {
    /// More than a QR symbol (version 40, level M) holds.
    case textTooLong
}

/// A QR symbol as a square matrix of dark (true) and light modules.
///
/// ```swift
/// let matrix = try QRMatrix.encode("otpauth://totp/Wallet:alice?secret=…")
/// print(matrix.terminalText())                     // or PNGWriter.png(matrix) for a file
/// ```
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side.
    public let size: Int
    /// Row-major, `size * size` modules; true is dark.
    public let modules: [Bool]

    /// Whether the module at column `x`, row `y` is dark (false outside the symbol).
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Encodes `text` as 8-bit data with error correction level M (what phone authenticators expect).
    public static func encode(_ text: String) throws(QRCodeError) -> QRMatrix {
        guard let code = text.withCString({ QRcode_encodeString8bit($0, 0, QR_ECLEVEL_M) }) else {
            throw QRCodeError.textTooLong
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        var modules = [Bool](repeating: false, count: size * size)
        for index in 0..<(size * size) {
            modules[index] = code.pointee.data[index] & 1 == 1
        }
        return QRMatrix(size: size, modules: modules)
    }

    /// Two module rows per text line with half-block characters, dark modules drawn dark on a light
    /// background and a 2-module quiet zone, so phone cameras read it from a terminal with any theme.
    public func terminalText(quietZone: Int = 2) -> String {
        let light = "\u{1b}[47m\u{1b}[30m"
        let reset = "\u{1b}[0m"
        var lines: [String] = []
        var y = -quietZone
        while y < size + quietZone {
            var line = light
            for x in -quietZone..<(size + quietZone) {
                let top = isDark(x: x, y: y)
                let bottom = isDark(x: x, y: y + 1)
                switch (top, bottom) {
                case (true, true): line += "\u{2588}"
                case (true, false): line += "\u{2580}"
                case (false, true): line += "\u{2584}"
                case (false, false): line += " "
                }
            }
            lines.append(line + reset)
            y += 2
        }
        return lines.joined(separator: "\n")
    }
}
