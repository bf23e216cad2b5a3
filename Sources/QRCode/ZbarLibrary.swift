import CZbar

// libzbar, opened on the first image decode instead of linked: linking it pulled ~21 shared libraries
// (X11, xcb, dbus, systemd, v4l2, gcrypt…) into every walletsec start and cost ~9M instructions in the
// dynamic loader, even for commands that never read an image. CZbar supplies only types and constants.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The zbar functions the QR reader calls, resolved with `dlsym` from a `dlopen`ed libzbar.
struct ZbarLibrary: @unchecked Sendable {
    // @unchecked: C function pointers and a never-closed library handle are immutable and safe to share.
    typealias ScannerCreate = @convention(c) () -> OpaquePointer?
    typealias ScannerDestroy = @convention(c) (OpaquePointer?) -> Void
    typealias ScannerSetConfig = @convention(c) (OpaquePointer?, zbar_symbol_type_t, zbar_config_t, Int32) -> Int32
    typealias ImageCreate = @convention(c) () -> OpaquePointer?
    typealias ImageDestroy = @convention(c) (OpaquePointer?) -> Void
    typealias ImageSetFormat = @convention(c) (OpaquePointer?, UInt) -> Void
    typealias ImageSetSize = @convention(c) (OpaquePointer?, UInt32, UInt32) -> Void
    typealias ImageSetData = @convention(c) (OpaquePointer?, UnsafeRawPointer?, UInt, OpaquePointer?) -> Void
    typealias ScanImage = @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
    typealias ImageFirstSymbol = @convention(c) (OpaquePointer?) -> OpaquePointer?
    typealias SymbolGetType = @convention(c) (OpaquePointer?) -> zbar_symbol_type_t
    typealias SymbolGetData = @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    typealias SymbolGetDataLength = @convention(c) (OpaquePointer?) -> UInt32
    typealias SymbolNext = @convention(c) (OpaquePointer?) -> OpaquePointer?

    let scannerCreate: ScannerCreate
    let scannerDestroy: ScannerDestroy
    let scannerSetConfig: ScannerSetConfig
    let imageCreate: ImageCreate
    let imageDestroy: ImageDestroy
    let imageSetFormat: ImageSetFormat
    let imageSetSize: ImageSetSize
    let imageSetData: ImageSetData
    let scanImage: ScanImage
    let imageFirstSymbol: ImageFirstSymbol
    let symbolGetType: SymbolGetType
    let symbolGetData: SymbolGetData
    let symbolGetDataLength: SymbolGetDataLength
    let symbolNext: SymbolNext

    /// The runtime library name (libzbar0's soname: the unversioned .so exists only with libzbar-dev).
    static let soname = "libzbar.so.0"

    /// Loaded once, on first use (a `static let` is initialised thread-safely); nil when libzbar is missing.
    static let shared: ZbarLibrary? = load(soname)

    /// Opens `name` and resolves every function, or nil when the library or any symbol is missing.
    /// The handle is never closed: the functions stay valid for the life of the process.
    static func load(_ name: String) -> ZbarLibrary? {
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func symbol<F>(_ symbolName: String, as _: F.Type) -> F? {
            guard let address = dlsym(handle, symbolName) else { return nil }
            return unsafeBitCast(address, to: F.self)
        }
        guard let scannerCreate = symbol("zbar_image_scanner_create", as: ScannerCreate.self),
            let scannerDestroy = symbol("zbar_image_scanner_destroy", as: ScannerDestroy.self),
            let scannerSetConfig = symbol("zbar_image_scanner_set_config", as: ScannerSetConfig.self),
            let imageCreate = symbol("zbar_image_create", as: ImageCreate.self),
            let imageDestroy = symbol("zbar_image_destroy", as: ImageDestroy.self),
            let imageSetFormat = symbol("zbar_image_set_format", as: ImageSetFormat.self),
            let imageSetSize = symbol("zbar_image_set_size", as: ImageSetSize.self),
            let imageSetData = symbol("zbar_image_set_data", as: ImageSetData.self),
            let scanImage = symbol("zbar_scan_image", as: ScanImage.self),
            let imageFirstSymbol = symbol("zbar_image_first_symbol", as: ImageFirstSymbol.self),
            let symbolGetType = symbol("zbar_symbol_get_type", as: SymbolGetType.self),
            let symbolGetData = symbol("zbar_symbol_get_data", as: SymbolGetData.self),
            let symbolGetDataLength = symbol("zbar_symbol_get_data_length", as: SymbolGetDataLength.self),
            let symbolNext = symbol("zbar_symbol_next", as: SymbolNext.self)
        else {
            dlclose(handle)
            return nil
        }
        return ZbarLibrary(
            scannerCreate: scannerCreate, scannerDestroy: scannerDestroy, scannerSetConfig: scannerSetConfig,
            imageCreate: imageCreate, imageDestroy: imageDestroy, imageSetFormat: imageSetFormat,
            imageSetSize: imageSetSize, imageSetData: imageSetData, scanImage: scanImage,
            imageFirstSymbol: imageFirstSymbol, symbolGetType: symbolGetType, symbolGetData: symbolGetData,
            symbolGetDataLength: symbolGetDataLength, symbolNext: symbolNext)
    }
}
