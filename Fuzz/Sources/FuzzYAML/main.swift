import FuzzSupport

fuzzMain(fuzzYAML)
