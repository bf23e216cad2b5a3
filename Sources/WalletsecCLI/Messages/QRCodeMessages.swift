// What the QR code library's errors say: exit status plus the English and Chinese text.
import QRCode

extension QRCodeError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .textTooLong:
            return UserMessage(.usage, en: "text too long for a QR code", zh: "文本过长，无法生成二维码")
        }
    }
}
