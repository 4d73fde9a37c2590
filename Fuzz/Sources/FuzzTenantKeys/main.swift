import FuzzSupport

fuzzMain(fuzzTenantKeys)
