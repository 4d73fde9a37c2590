// Only the declaration in include/CLibFuzzer.h matters; the definition is libFuzzer's.
#include "CLibFuzzer.h"
