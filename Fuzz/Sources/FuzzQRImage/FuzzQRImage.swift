// QR screenshots (`2fa import` of a PNG or JPEG): the input is decoded to a gray raster (libpng or
// libjpeg behind walletsec's own size checks) and scanned with zbar when libzbar0 is installed.
import QRCode

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = QRImageReader.format(of: bytes)
    _ = try? QRImageReader.decode(imageBytes: bytes)
    return 0
}
