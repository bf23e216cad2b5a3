// Reads every QR code in a PNG or JPEG (a screenshot of an authenticator's transfer screen, a photo of a
// screen): libpng's simplified API or libjpeg to 8-bit grayscale, then zbar on the Y800 pixels. zbar is
// loaded at run time (ZbarLibrary.swift), so commands that never read an image do not pay for its libraries.
import CImageShim
import CPNG
import CZbar
import WalletCore

/// Decodes the QR codes in an image.
///
/// ```swift
/// for text in try QRImageReader.decode(imageFile: "transfer-screen.png") {
///     print(text)   // otpauth-migration://offline?data=…
/// }
/// ```
public enum QRImageReader {
    /// Largest image accepted, in pixels (width × height): 50 megapixels, beyond any phone camera's default.
    public static let maxPixels = 50_000_000
    /// Largest image file accepted.
    public static let maxFileBytes = 64 << 20

    /// The format of `bytes` by its signature, or nil when it is neither PNG nor JPEG.
    public static func format(of bytes: [UInt8]) -> ImageFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) { return .png }
        if bytes.starts(with: [0xff, 0xd8, 0xff]) { return .jpeg }
        return nil
    }

    /// The texts of every QR code in the image file at `path`, in the order zbar finds them.
    /// - Throws: ``QRImageError``, or `FileError` when the file cannot be read.
    public static func decode(imageFile path: String) throws -> [String] {
        if let size = FileSystem.fileSize(path), size > maxFileBytes {
            throw QRImageError.fileTooLarge(bytes: Int(clamping: size), limit: maxFileBytes)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readAll(path, limit: maxFileBytes)
        } catch FileError.tooLarge {
            throw QRImageError.fileTooLarge(
                bytes: FileSystem.fileSize(path).map { Int(clamping: $0) } ?? maxFileBytes + 1, limit: maxFileBytes)
        }
        return try decode(imageBytes: bytes)
    }

    /// The texts of every QR code in a PNG or JPEG held in memory.
    public static func decode(imageBytes bytes: [UInt8]) throws(QRImageError) -> [String] {
        let image = try grayscale(bytes)
        return try scan(image)
    }

    /// An 8-bit grayscale raster, one byte a pixel, rows top to bottom.
    public struct GrayImage: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var pixels: [UInt8]

        /// A raster of `width * height` pixels.
        public init(width: Int, height: Int, pixels: [UInt8]) {
            self.width = width
            self.height = height
            self.pixels = pixels
        }
    }

    /// Decodes a PNG or JPEG to grayscale, refusing oversized images before allocating their pixels.
    public static func grayscale(_ bytes: [UInt8]) throws(QRImageError) -> GrayImage {
        guard bytes.count <= maxFileBytes else { throw .fileTooLarge(bytes: bytes.count, limit: maxFileBytes) }
        switch format(of: bytes) {
        case .png: return try decodePNG(bytes)
        case .jpeg: return try decodeJPEG(bytes)
        case nil: throw .notAnImage
        }
    }

    /// Why an image of this size is refused (checked on the header, before any pixel is allocated), or nil.
    static func sizeProblem(width: Int, height: Int) -> QRImageError? {
        guard width > 0, height > 0 else { return .damaged(.png) }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= maxPixels else {
            return .tooManyPixels(width: width, height: height, limit: maxPixels)
        }
        return nil
    }

    static func decodePNG(_ bytes: [UInt8]) throws(QRImageError) -> GrayImage {
        // IHDR must come first: its size is judged before libpng reads further (even a file cut after it).
        if bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) {
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            if let problem = sizeProblem(width: width, height: height), problem != .damaged(.png) { throw problem }
        }
        // The simplified API catches libpng's longjmp errors itself and reports through return values.
        let result: Result<GrayImage, QRImageError> = bytes.withUnsafeBytes { buffer in
            var image = png_image()
            image.version = png_uint_32(PNG_IMAGE_VERSION)
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count) != 0 else {
                return .failure(pngFailure(&image, bytes: bytes))
            }
            let width = Int(image.width)
            let height = Int(image.height)
            if let problem = sizeProblem(width: width, height: height) { return .failure(problem) }
            image.format = png_uint_32(PNG_FORMAT_GRAY)
            var pixels = [UInt8](repeating: 0, count: width * height)
            // Transparent pixels go onto white: QR codes drawn on a transparent background stay readable.
            var white = png_color(red: 255, green: 255, blue: 255)
            let finished = pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, &white, out.baseAddress, png_int_32(width), nil)
            }
            guard finished != 0 else { return .failure(pngFailure(&image, bytes: bytes)) }
            return .success(GrayImage(width: width, height: height, pixels: pixels))
        }
        return try result.get()
    }

    /// libpng's simplified API says why only in text, so the chunk layout decides: a chunk running past the
    /// end of the data (before IEND) means the file was cut short; anything else is damage.
    static func pngFailure(_ image: inout png_image, bytes: [UInt8]) -> QRImageError {
        var offset = 8
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else { return .truncated(.png) }
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard length <= Int(Int32.max) else { return .damaged(.png) }
            let end = offset + 12 + length
            guard end <= bytes.count else { return .truncated(.png) }
            if type == "IEND" { break }
            offset = end
        }
        if offset >= bytes.count { return .truncated(.png) }  // no IEND: the data stops between chunks
        let message = withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self).lowercased()
        }
        return message.contains("unsupported") ? .unsupportedImage(.png) : .damaged(.png)
    }

    static func decodeJPEG(_ bytes: [UInt8]) throws(QRImageError) -> GrayImage {
        let result: Result<GrayImage, QRImageError> = bytes.withUnsafeBufferPointer { buffer in
            var width: UInt32 = 0
            var height: UInt32 = 0
            let header = ws_jpeg_dimensions(buffer.baseAddress, buffer.count, &width, &height)
            guard header == Int32(WS_JPEG_OK) else { return .failure(jpegFailure(header)) }
            if let problem = sizeProblem(width: Int(width), height: Int(height)) {
                return .failure(problem == .damaged(.png) ? .damaged(.jpeg) : problem)
            }
            var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height))
            let status = pixels.withUnsafeMutableBufferPointer { out in
                ws_jpeg_decode_gray(buffer.baseAddress, buffer.count, out.baseAddress, out.count, width, height)
            }
            guard status == Int32(WS_JPEG_OK) else { return .failure(jpegFailure(status)) }
            return .success(GrayImage(width: Int(width), height: Int(height), pixels: pixels))
        }
        return try result.get()
    }

    static func jpegFailure(_ status: Int32) -> QRImageError {
        switch status {
        case Int32(WS_JPEG_TRUNCATED): return .truncated(.jpeg)
        case Int32(WS_JPEG_UNSUPPORTED): return .unsupportedImage(.jpeg)
        default: return .damaged(.jpeg)
        }
    }

    /// Runs zbar's QR decoder over the raster; every symbol found, in zbar's order. libzbar is opened on the
    /// first call (``QRImageError/decoderUnavailable`` when it is not installed).
    public static func scan(_ image: GrayImage) throws(QRImageError) -> [String] {
        guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height else {
            throw .damaged(.png)
        }
        guard let zbar = ZbarLibrary.shared else { throw .decoderUnavailable }
        guard let scanner = zbar.scannerCreate() else { throw .noQRCode }
        defer { zbar.scannerDestroy(scanner) }
        // Only QR codes: a barcode reader's 1-D symbologies would find phantom codes in photos.
        _ = zbar.scannerSetConfig(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        _ = zbar.scannerSetConfig(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        guard let zimage = zbar.imageCreate() else { throw .noQRCode }
        defer { zbar.imageDestroy(zimage) }
        let y800: UInt = 0x59 | 0x38 << 8 | 0x30 << 16 | 0x30 << 24  // fourcc "Y800"
        zbar.imageSetFormat(zimage, y800)
        zbar.imageSetSize(zimage, UInt32(image.width), UInt32(image.height))
        var texts: [String] = []
        image.pixels.withUnsafeBytes { raw in
            // zbar borrows the pixels for the scan only (no cleanup handler: it never frees them).
            zbar.imageSetData(zimage, raw.baseAddress, UInt(raw.count), nil)
            let found = zbar.scanImage(scanner, zimage)
            if found > 0 {
                var symbol = zbar.imageFirstSymbol(zimage)
                while let current = symbol {
                    if zbar.symbolGetType(current) == ZBAR_QRCODE, let data = zbar.symbolGetData(current) {
                        let length = Int(zbar.symbolGetDataLength(current))
                        let bytes = UnsafeRawBufferPointer(start: data, count: length)
                        texts.append(String(decoding: bytes, as: UTF8.self))
                    }
                    symbol = zbar.symbolNext(current)
                }
            }
            zbar.imageSetData(zimage, nil, 0, nil)
        }
        guard !texts.isEmpty else { throw .noQRCode }
        return texts
    }
}
