import BERS

/// How long a remote store may take and how much it may send.
///
/// ```swift
/// var limits = RemoteStoreLimits.default
/// limits.timeout = .seconds(2)
/// ```
public struct RemoteStoreLimits: Sendable, Hashable {
    /// The time one request may take, from sending it to the last byte of the body (default 4 s).
    ///
    /// A request still running then fails with `tenant.store-timeout`.
    public var timeout: Duration
    /// The largest object accepted, in bytes (default 1 MiB).
    ///
    /// A larger `Content-Length` or body fails with `tenant.too-large`, and so does a larger `put`.
    public var maxObjectSize: Int

    /// Limits with these values.
    ///
    /// - Parameters:
    ///   - timeout: The time one request may take (default 4 s).
    ///   - maxObjectSize: The largest object accepted, in bytes (default 1 MiB).
    public init(timeout: Duration = .seconds(4), maxObjectSize: Int = 1 << 20) {
        self.timeout = timeout
        self.maxObjectSize = maxObjectSize
    }

    /// 4 seconds, 1 MiB.
    public static let `default` = RemoteStoreLimits()

    /// Throws `tenant.too-large` when an object of `count` bytes exceeds ``maxObjectSize``.
    ///
    /// - Parameter context: The start of the message: `PUT 'key' to store`.
    func checkSize(_ count: Int, context: String) throws(TenantError) {
        guard count > maxObjectSize else { return }
        throw TenantError(
            .tooLarge,
            "\(context): the object has \(count) bytes, more than the limit of \(maxObjectSize)."
        )
    }
}
