import FuzzSupport

fuzzMain(fuzzLambdaEnvelope)
