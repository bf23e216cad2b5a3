// Why QR codes could not be read out of an image. No message text here: the CLI words each case
// (Sources/WalletsecCLI/Messages/QRCodeMessages.swift).

/// An image format the QR reader decodes, recognised by its first bytes (never by the file name).
public enum ImageFormat: String, Sendable, Equatable {
    case png
    case jpeg
}

/// A failure of ``QRImageReader``.
public enum QRImageError: Error, Sendable, Equatable {
    /// The data is neither a PNG nor a JPEG.
    case notAnImage
    /// A PNG or JPEG feature the reader does not decode (a CMYK JPEG, say).
    case unsupportedImage(ImageFormat)
    /// The data ends before the image does.
    case truncated(ImageFormat)
    /// The image data is damaged (bad checksums, impossible values).
    case damaged(ImageFormat)
    /// The header announces more pixels than ``QRImageReader/maxPixels``; refused before decoding.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// The file is larger than ``QRImageReader/maxFileBytes``.
    case fileTooLarge(bytes: Int, limit: Int)
    /// The image decoded, but holds no QR code zbar can read.
    case noQRCode
    /// libzbar (Debian package libzbar0) could not be loaded at run time, so no image can be scanned.
    case decoderUnavailable
}
