import FuzzSupport

fuzzMain(fuzzJSON)
