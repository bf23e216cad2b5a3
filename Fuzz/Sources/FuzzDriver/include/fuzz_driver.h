// Starts libFuzzer's driver on this program's LLVMFuzzerTestOneInput.
#pragma once

int walletsec_fuzz_main(int argc, char **argv);
