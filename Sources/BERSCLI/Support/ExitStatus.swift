import BERS
import BERSArtifacts
import BERSJSON

/// The exit statuses of `bers`, mapped from error codes in this one place.
enum ExitStatus {
    /// Everything worked.
    static let success: Int32 = 0
    /// The configuration is invalid or a check failed.
    static let invalid: Int32 = 1
    /// Usage or input error: malformed or unreadable file, unknown environment, cycle.
    static let usage: Int32 = 2

    /// The codes of errors that mean "the input was read and is invalid" (exit 1); every other
    /// error is a usage or input error (exit 2).
    private static let invalidCodes: Set<String> = [
        ConfigError.Code.invalidConfiguration.rawValue, TenantError.Code.invalidDocument.rawValue,
        BuildError.Code.invalidConfiguration.rawValue, BuildError.Code.secretInArtifact.rawValue,
        TenantError.Code.migrationFailed.rawValue, TenantError.Code.conflict.rawValue,
        ConfigError.Code.keyMigrationInvalidResult.rawValue, ConfigError.Code.keyMigrationTargetExists.rawValue,
        ConfigError.Code.keyMigrationCannotConvert.rawValue, ConfigError.Code.keyMigrationPathConflict.rawValue,
    ]

    /// The status for an error.
    static func `for`(_ error: any BERSError) -> Int32 {
        invalidCodes.contains(error.code.rawValue) ? invalid : usage
    }
}
