import FuzzSupport

fuzzMain(fuzzEtcdMessages)
