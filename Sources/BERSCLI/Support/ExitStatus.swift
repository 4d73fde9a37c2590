import BERS

/// The exit statuses of `bers`.
enum ExitStatus {
    /// Everything worked.
    static let success: Int32 = 0
    /// The configuration is invalid or a check failed.
    static let invalid: Int32 = 1
    /// Usage or input error: malformed or unreadable file, unknown environment, cycle.
    static let usage: Int32 = 2

    /// The status for an error.
    static func `for`(_ error: ConfigError) -> Int32 {
        error.code == .invalidConfiguration ? invalid : usage
    }

    /// The status for a tenant error: an invalid document is 1, everything else 2.
    static func `for`(_ error: TenantError) -> Int32 {
        error.code == .invalidDocument ? invalid : usage
    }
}
