import BERS
import BERSJSON
import Logging
import Synchronization

/// The warnings a server logs about tenant documents it does not serve as the store holds them: a
/// document it refuses (the tenant schema or rules reject it) and a stale copy served because the
/// store failed or the new document was refused.
///
/// A line names the tenant hash's first 8 characters, the error code and where the problem is (the
/// store key, and the line and member of the first schema error), never a value of the document.
/// A stale serve is logged once per tenant and error code until the tenant is served fresh again,
/// so a store outage does not log every request; a refused document once per version (entity
/// tag), however often it is checked again.
final class TenantServeLog: Sendable {
    private let logger: Logger
    /// The error codes of the stale serves logged, by tenant hash, since the tenant was last
    /// served fresh.
    private let staleLogged = Mutex<[String: Set<String>]>([:])
    /// Whether ``staleLogged`` may hold anything (a fresh serve skips the lock when it is empty).
    private let anyStale = Atomic<Bool>(false)
    /// The entity tag of the last refused document logged, by tenant hash.
    private let refusedLogged = Mutex<[String: String]>([:])
    /// The most tenants remembered in either table; past it the table is emptied (and may log
    /// again).
    private let capacity = 4096

    /// A log writing to `logger`.
    init(logger: Logger) {
        self.logger = logger
    }

    /// Logs that `document` was refused with `error`; `issue` is the first error found in it.
    func refused(_ document: TenantDocument, because error: TenantError, issue: TenantIssue?) {
        let version = document.etag ?? "\(document.value.hashValue)"
        let isNew = refusedLogged.withLock { logged in
            if logged.count >= capacity { logged.removeAll() }
            return logged.updateValue(version, forKey: document.hash.value) != version
        }
        guard isNew else { return }
        var metadata: Logger.Metadata = [
            "tenant": .string(Self.short(document.hash)),
            "code": .string(error.code.rawValue),
            "key": .string(document.key),
        ]
        if let issue {
            metadata["issue"] = .string(issue.code.rawValue)
            metadata["member"] = .string(issue.pointer.description)
            if let location = issue.location { metadata["location"] = .string(location.description) }
        }
        logger.warning("tenant document refused; the previous copy is served if there is one", metadata: metadata)
    }

    /// Notes how `hash` was served: stale because of `staleBecause` (logged once until it is
    /// served fresh again), or fresh when that is `nil`.
    func served(_ hash: TenantHash, document: TenantDocument?, staleBecause error: TenantError?) {
        if let error { servedStale(hash, document: document, because: error) } else { servedFresh(hash) }
    }

    /// Logs, once until the tenant is served fresh again, that `hash` was served the stale
    /// `document` because of `error`.
    private func servedStale(_ hash: TenantHash, document: TenantDocument?, because error: TenantError) {
        let isNew = staleLogged.withLock { logged in
            if logged.count >= capacity { logged.removeAll() }
            anyStale.store(true, ordering: .relaxed)
            return logged[hash.value, default: []].insert(error.code.rawValue).inserted
        }
        guard isNew else { return }
        var metadata: Logger.Metadata = [
            "tenant": .string(Self.short(hash)),
            "code": .string(error.code.rawValue),
        ]
        if let document { metadata["key"] = .string(document.key) }
        if let location = error.location { metadata["location"] = .string(location.description) }
        logger.warning("tenant served stale (stale-if-error)", metadata: metadata)
    }

    /// Notes that `hash` was served fresh, so that its next stale serve is logged.
    private func servedFresh(_ hash: TenantHash) {
        guard anyStale.load(ordering: .relaxed) else { return }
        staleLogged.withLock { logged in
            logged[hash.value] = nil
            if logged.isEmpty { anyStale.store(false, ordering: .relaxed) }
        }
    }

    /// The hash's first 8 characters, as the access log has it.
    private static func short(_ hash: TenantHash) -> String { String(hash.value.prefix(8)) }
}
