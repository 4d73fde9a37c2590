import FuzzSupport

fuzzMain(fuzzDetection)
