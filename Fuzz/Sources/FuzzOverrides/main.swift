import FuzzSupport

fuzzMain(fuzzOverrides)
