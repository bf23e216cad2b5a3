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

extension QRImageError: UserFacingError {
    var userMessage: UserMessage {
        switch self {
        case .notAnImage:
            return UserMessage(.usage, en: "not a PNG or JPEG image", zh: "不是 PNG 或 JPEG 图片")
        case .unsupportedImage(let format):
            return UserMessage(
                .usage, en: "this \(format.name) image uses a feature walletsec cannot decode (save it as PNG)",
                zh: "该 \(format.name) 图片使用了无法解码的特性（请另存为 PNG）")
        case .truncated(let format):
            return UserMessage(
                .usage, en: "the \(format.name) image is cut short (copy it again)", zh: "\(format.name) 图片不完整（请重新复制）")
        case .damaged(let format):
            return UserMessage(.usage, en: "the \(format.name) image is damaged", zh: "\(format.name) 图片已损坏")
        case .tooManyPixels(let width, let height, let limit):
            return UserMessage(
                .usage,
                en: "the image is too large (\(width)x\(height) pixels; at most \(limit / 1_000_000) megapixels)",
                zh: "图片过大（\(width)×\(height) 像素；最多 \(limit / 1_000_000) 百万像素）")
        case .fileTooLarge(let bytes, let limit):
            return UserMessage(
                .usage, en: "the image file is too large (\(bytes) bytes; at most \(limit >> 20) MiB)",
                zh: "图片文件过大（\(bytes) 字节；最多 \(limit >> 20) MiB）")
        case .noQRCode:
            return UserMessage(
                .usage, en: "no QR code found in the picture (crop it to the code, or take a sharper photo)",
                zh: "图片中没有找到二维码（请裁剪到二维码，或重新拍一张更清晰的照片）")
        case .decoderUnavailable:
            return UserMessage(
                .usage,
                en: "cannot read QR codes from images: the zbar library is missing (install the libzbar0 package)",
                zh: "无法从图片读取二维码：缺少 zbar 库（请安装 libzbar0 软件包）")
        }
    }
}

extension ImageFormat {
    var name: String { self == .png ? "PNG" : "JPEG" }
}
