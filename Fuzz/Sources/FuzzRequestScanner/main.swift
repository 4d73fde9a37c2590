import FuzzSupport

fuzzMain(fuzzRequestScanner)
