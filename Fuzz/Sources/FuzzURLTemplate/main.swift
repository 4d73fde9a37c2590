import FuzzSupport

fuzzMain(fuzzURLTemplate)
