// Program entry (SwiftPM's renamed main): run libFuzzer on this target's LLVMFuzzerTestOneInput, or,
// given `--write-seeds DIR`, write QR-code PNGs made by walletsec's own encoder as seeds and exit.
import FuzzDriver
import Glibc
import QRCode

@_cdecl("FuzzQRImage_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    let arguments = (0..<Int(argc)).map { String(cString: argv[$0]!) }
    if arguments.count == 3, arguments[1] == "--write-seeds" {
        return writeSeeds(to: arguments[2])
    }
    return walletsec_fuzz_main(argc, argv)
}

/// Small QR screenshots (scale 1–3) of what users import: an otpauth URI and a migration link.
private func writeSeeds(to folder: String) -> CInt {
    let texts = [
        "otpauth://totp/Wallet:alice?secret=JBSWY3DPEHPK3PXP&issuer=Wallet",
        "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC",
    ]
    for (index, text) in texts.enumerated() {
        guard let matrix = try? QRMatrix.encode(text) else { return 1 }
        for scale in 1...3 {
            let png = PNGWriter.png(matrix, scale: scale, quietZone: 2)
            let path = folder + "/qr-\(index)-x\(scale).png"
            guard let file = fopen(path, "wb") else { return 1 }
            let written = png.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
            guard written == png.count else { return 1 }
        }
    }
    return 0
}
