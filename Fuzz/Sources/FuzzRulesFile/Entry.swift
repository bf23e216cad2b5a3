// Program entry (SwiftPM's renamed main): run libFuzzer on this target's LLVMFuzzerTestOneInput.
import FuzzDriver

@_cdecl("FuzzRulesFile_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    walletsec_fuzz_main(argc, argv)
}
