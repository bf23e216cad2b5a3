// Test images made at test time: QR matrices rendered to grayscale rasters (optionally rotated, noisy,
// two side by side), written as 8-bit PNG with our own chunk writer or as JPEG through libjpeg.
import CJPEG
import Foundation

@testable import QRCode

/// A deterministic generator for noise (SplitMix64), so a failing photo case fails the same way every run.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

enum ImageFixtures {
    /// The matrix drawn black on white, `scale` pixels a module, with a quiet zone.
    static func render(_ matrix: QRMatrix, scale: Int = 4, quietZone: Int = 4) -> QRImageReader.GrayImage {
        let side = (matrix.size + 2 * quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<side {
            for x in 0..<side where matrix.isDark(x: x / scale - quietZone, y: y / scale - quietZone) {
                pixels[y * side + x] = 0
            }
        }
        return .init(width: side, height: side, pixels: pixels)
    }

    /// Images placed side by side on a white canvas, with a gap between them.
    static func sideBySide(_ images: [QRImageReader.GrayImage], gap: Int = 40) -> QRImageReader.GrayImage {
        let width = images.reduce(0) { $0 + $1.width } + gap * (images.count + 1)
        let height = (images.map(\.height).max() ?? 0) + 2 * gap
        var pixels = [UInt8](repeating: 255, count: width * height)
        var left = gap
        for image in images {
            for y in 0..<image.height {
                for x in 0..<image.width { pixels[(y + gap) * width + left + x] = image.pixels[y * image.width + x] }
            }
            left += image.width + gap
        }
        return .init(width: width, height: height, pixels: pixels)
    }

    /// A photo of a screen, roughly: the code rotated by `degrees`, off-centre on a larger gray canvas,
    /// with uneven lighting and per-pixel noise.
    static func photo(of image: QRImageReader.GrayImage, degrees: Double, seed: UInt64) -> QRImageReader.GrayImage {
        let width = image.width * 2
        let height = image.height * 2 - image.height / 3
        var random = SplitMix(state: seed)
        let angle = degrees * .pi / 180
        let (cosA, sinA) = (cos(angle), sin(angle))
        let centerX = Double(width) * 0.45
        let centerY = Double(height) * 0.55
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                // Inverse rotation: which source pixel lands here (nearest neighbour).
                let dx = Double(x) - centerX
                let dy = Double(y) - centerY
                let sx = Int((cosA * dx + sinA * dy + Double(image.width) / 2).rounded())
                let sy = Int((-sinA * dx + cosA * dy + Double(image.height) / 2).rounded())
                var value: Int
                if sx >= 0, sy >= 0, sx < image.width, sy < image.height {
                    value = Int(image.pixels[sy * image.width + sx]) == 0 ? 40 : 215
                } else {
                    value = 120  // the bezel around the screen
                }
                value += (x * 30) / width - 15  // light falls off across the picture
                value += random.uniform(-15...15)
                pixels[y * width + x] = UInt8(clamping: value)
            }
        }
        return .init(width: width, height: height, pixels: pixels)
    }

    /// An 8-bit grayscale PNG (colour type 0), stored deflate blocks.
    static func png(_ image: QRImageReader.GrayImage) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((image.width + 1) * image.height)
        for y in 0..<image.height {
            raw.append(0)
            raw += image.pixels[(y * image.width)..<((y + 1) * image.width)]
        }
        let header =
            PNGWriter.bigEndian(UInt32(image.width)) + PNGWriter.bigEndian(UInt32(image.height)) + [8, 0, 0, 0, 0]
        return PNGWriter.signature + PNGWriter.chunk("IHDR", header)
            + PNGWriter.chunk("IDAT", PNGWriter.zlibStored(raw))
            + PNGWriter.chunk("IEND", [])
    }

    /// A JPEG through libjpeg: grayscale, or RGB (every channel the gray value, so the decoder must convert
    /// YCbCr back to luma) when `color` is set.
    static func jpeg(
        _ image: QRImageReader.GrayImage, quality: Int32 = 85, color: Bool = false, progressive: Bool = false
    )
        -> [UInt8]
    {
        let components = color ? 3 : 1
        var errorManager = jpeg_error_mgr()
        var compressor = jpeg_compress_struct()
        let outBuffer = UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>.allocate(capacity: 1)
        let outSize = UnsafeMutablePointer<UInt>.allocate(capacity: 1)
        outBuffer.pointee = nil
        outSize.pointee = 0
        defer {
            free(outBuffer.pointee)
            outBuffer.deallocate()
            outSize.deallocate()
        }
        withUnsafeMutablePointer(to: &errorManager) { errors in
            withUnsafeMutablePointer(to: &compressor) { info in
                info.pointee.err = jpeg_std_error(errors)
                jpeg_CreateCompress(info, JPEG_LIB_VERSION, MemoryLayout<jpeg_compress_struct>.size)
                jpeg_mem_dest(info, outBuffer, outSize)
                info.pointee.image_width = JDIMENSION(image.width)
                info.pointee.image_height = JDIMENSION(image.height)
                info.pointee.input_components = Int32(components)
                info.pointee.in_color_space = color ? JCS_RGB : JCS_GRAYSCALE
                jpeg_set_defaults(info)
                jpeg_set_quality(info, quality, 1)
                if progressive { jpeg_simple_progression(info) }
                jpeg_start_compress(info, 1)
                var row = [UInt8](repeating: 0, count: image.width * components)
                for y in 0..<image.height {
                    for x in 0..<image.width {
                        for c in 0..<components { row[x * components + c] = image.pixels[y * image.width + x] }
                    }
                    row.withUnsafeMutableBufferPointer { buffer in
                        var pointer: JSAMPROW? = buffer.baseAddress
                        _ = jpeg_write_scanlines(info, &pointer, 1)
                    }
                }
                jpeg_finish_compress(info)
                jpeg_destroy_compress(info)
            }
        }
        return Array(UnsafeBufferPointer(start: outBuffer.pointee, count: Int(outSize.pointee)))
    }

    /// Runs zbarimg (zbar-tools) on a file: the texts it reads, or nil when zbarimg is not installed.
    static func zbarimg(_ path: String) -> [String]? {
        guard
            let tool = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "--raw", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
