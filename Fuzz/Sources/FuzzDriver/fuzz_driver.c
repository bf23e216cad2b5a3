// SwiftPM links every executable with its entry point renamed to `<Target>_main` (so tests can link
// executables), which keeps libFuzzer's own main() out of the link. Each fuzz target therefore
// defines `<Target>_main` and calls this, which hands the Swift LLVMFuzzerTestOneInput to
// LLVMFuzzerRunDriver (libclang_rt.fuzzer, linked by -sanitize=fuzzer).
#include <stddef.h>
#include <stdint.h>

#include "fuzz_driver.h"

extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int walletsec_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
