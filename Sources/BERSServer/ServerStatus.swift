import BERS
import HTTPTypes

/// The HTTP status of each library error code.
enum ServerStatus {
    private static let notFound: Set<String> = [
        TenantError.Code.notFound.rawValue, ConfigError.Code.unknownEnvironment.rawValue,
        ConfigError.Code.missingValue.rawValue, "serve.not-found", "serve.no-tenant-store",
    ]
    private static let badRequest: Set<String> = [
        TenantError.Code.invalidHash.rawValue, ConfigError.Code.invalidPath.rawValue,
        ConfigError.Code.invalidEnvironmentName.rawValue, "serve.unsupported-action",
    ]
    private static let badGateway: Set<String> = [
        TenantError.Code.storeForbidden.rawValue, TenantError.Code.storeBadResponse.rawValue,
        TenantError.Code.malformedDocument.rawValue, TenantError.Code.invalidMapping.rawValue,
        TenantError.Code.tooLarge.rawValue, TenantError.Code.invalidDocument.rawValue,
    ]

    /// 404 for what does not exist, 400 for a malformed request, 502/503/504 for a failing
    /// store, 500 for a configuration that does not resolve or validate.
    static func of(code: String) -> HTTPResponse.Status {
        if notFound.contains(code) { return .notFound }
        if badRequest.contains(code) { return .badRequest }
        if badGateway.contains(code) { return .badGateway }
        if code == TenantError.Code.storeUnavailable.rawValue { return .serviceUnavailable }
        if code == TenantError.Code.storeTimeout.rawValue { return .gatewayTimeout }
        return .internalServerError
    }
}
