import FuzzSupport

fuzzMain(fuzzProjectSettings)
