import BERS
import Synchronization

/// An in-memory tenant store for tests: counts requests, can fail or stall on demand, and
/// answers conditional reads with SHA-256 entity tags.
final class ScriptedTenantStore: TenantStore {
    struct State {
        var objects: [String: [UInt8]] = [:]
        var gets = 0
        var conditionalGets = 0
        var failure: TenantError?
        var delayMilliseconds: UInt64 = 0
    }

    let state = Mutex(State())

    init(_ objects: [String: String] = [:]) {
        state.withLock { $0.objects = objects.mapValues { Array($0.utf8) } }
    }

    var description: String { "memory://test" }

    var gets: Int { state.withLock { $0.gets } }
    var conditionalGets: Int { state.withLock { $0.conditionalGets } }

    func set(_ key: String, _ text: String) { state.withLock { $0.objects[key] = Array(text.utf8) } }
    func remove(_ key: String) { state.withLock { _ = $0.objects.removeValue(forKey: key) } }
    func fail(with error: TenantError?) { state.withLock { $0.failure = error } }
    func delay(milliseconds: UInt64) { state.withLock { $0.delayMilliseconds = milliseconds } }

    func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        let (failure, delay) = state.withLock { state in
            state.gets += 1
            if etag != nil { state.conditionalGets += 1 }
            return (state.failure, state.delayMilliseconds)
        }
        if delay > 0 { try? await Task.sleep(nanoseconds: delay * 1_000_000) }
        if let failure { throw failure }
        guard let bytes = state.withLock({ $0.objects[key] }) else { return .notFound }
        let tag = "\"\(BERSDigest.sha256Hex(bytes))\""
        if etag == tag { return .notModified }
        return .found(StoredObject(bytes: bytes, etag: tag))
    }

    func put(
        _ key: String,
        _ bytes: [UInt8],
        contentType: String,
        condition: StoreWriteCondition
    ) async throws(TenantError) -> String? {
        if let failure = state.withLock({ $0.failure }) { throw failure }
        let written = state.withLock { state -> Bool in
            let current = state.objects[key].map { "\"\(BERSDigest.sha256Hex($0))\"" }
            switch condition {
            case .unconditional: break
            case .ifAbsent: guard current == nil else { return false }
            case .ifMatch(let etag): guard current == etag else { return false }
            }
            state.objects[key] = bytes
            return true
        }
        guard written else { throw TenantError(.conflict, "\(key) changed") }
        return "\"\(BERSDigest.sha256Hex(bytes))\""
    }

    func list(prefix: String) async throws(TenantError) -> [String] {
        if let failure = state.withLock({ $0.failure }) { throw failure }
        return state.withLock { $0.objects.keys.filter { $0.hasPrefix(prefix) }.sorted() }
    }
}

/// A store holding MYR384719's mapping and a small configuration.
func storeWithOneTenant() -> ScriptedTenantStore {
    ScriptedTenantStore([
        "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
        "tenants/MYR384719/MYR384719-config.json":
            #"{"tenant_id": "MYR384719", "tenant_hash": "my87674d777bf9", "chat_title": "Atlanta Angels"}"#,
    ])
}

let myrHash = "my87674d777bf9"
