#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that have their own main (SwiftPM gives every executable
// one): it parses the libFuzzer flags in argv and calls `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
