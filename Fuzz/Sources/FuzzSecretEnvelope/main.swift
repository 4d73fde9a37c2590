import FuzzSupport

fuzzMain(fuzzSecretEnvelope)
