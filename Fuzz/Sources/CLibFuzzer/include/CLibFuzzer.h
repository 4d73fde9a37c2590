#ifndef BERS_CLIBFUZZER_H
#define BERS_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the runtime linked by -sanitize=fuzzer): parses the libFuzzer flags in
/// argv and runs `callback` on each input. Each fuzz target's main calls it, because SwiftPM
/// gives every executable its own entry point and libFuzzer's `main` is then never linked.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
