import FuzzSupport

fuzzMain(fuzzS3XML)
