import FuzzSupport

fuzzMain(fuzzSchema)
