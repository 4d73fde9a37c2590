import FuzzSupport

fuzzMain(fuzzRegex)
