import BERS
import BERSJSON

extension RequestHandler {
    /// `GET /readyz`: 200 while a valid configuration is served.
    func readiness() -> RenderedResponse {
        let generation = environments.primary.live.current
        return .json(
            ["ready": true, "environment": .string(generation.configuration.environment.name)],
            cacheControl: "no-store"
        )
    }

    /// `GET /metrics`: the Prometheus text format.
    func metrics() -> RenderedResponse {
        .text(registry.emitToBuffer(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }

    /// `GET /v1/status`: per environment started that `token` may read (all without tokens), the
    /// generation served, its digest and input files, and the last reload with its located
    /// errors; the tenant cache's counts.
    func status(visibleTo token: AccessTokens.Entry?) -> RenderedResponse {
        let visible = environments.started.filter { service in
            token.map { $0.allows(.configRead(environment: service.environment.name)) } ?? true
        }
        let served: [JSONValue] = visible.map { service in
            let generation = service.live.current
            let inputs: [JSONValue] = generation.inputs.map {
                ["path": .string($0.path), "sha256": .string($0.shownDigest)]
            }
            return [
                "environment": .string(service.environment.name),
                "generation": .integer(Int64(generation.number)),
                "digest": .string(generation.digest),
                "applied_at": .string(generation.appliedAt.description),
                "inputs": .array(inputs),
                "last_reload": service.lastReloadEvent?.jsonValue ?? .null,
            ]
        }
        var body: JSONObject = ["environments": .array(served)]
        if let statistics = environments.tenantCache?.statistics {
            body["tenant_cache"] = [
                "hits": .integer(Int64(statistics.hits)), "misses": .integer(Int64(statistics.misses)),
                "revalidations": .integer(Int64(statistics.revalidations)),
                "errors": .integer(Int64(statistics.errors)), "stale_served": .integer(Int64(statistics.staleServed)),
                "evictions": .integer(Int64(statistics.evictions)), "joined": .integer(Int64(statistics.joined)),
            ]
        }
        if let feed = environments.feed { body["feed"] = Self.json(feed.status) }
        return .json(.object(body), cacheControl: "no-store")
    }

    /// A change feed's status: `stale_since` is set while it is disconnected.
    private static func json(_ status: ChangeFeedStatus) -> JSONValue {
        [
            "source": .string(status.source), "connected": .bool(status.connected),
            "revision": .integer(status.revision),
            "stale_since": status.staleSince.map { .string($0.description) } ?? .null,
            "last_error": status.lastError.map(JSONValue.string) ?? .null,
            "reconnects": .integer(Int64(status.reconnects)), "resyncs": .integer(Int64(status.resyncs)),
        ]
    }

    /// `POST /v1/reload`: reloads every environment started now and returns what happened.
    func reload() -> RenderedResponse {
        let events: [JSONValue] = environments.started.map { service in
            let event = service.live.reload()
            guard case .object(var object) = event.jsonValue else { return .null }
            object["environment"] = .string(service.environment.name)
            return .object(object)
        }
        return .json(["reloads": .array(events)], cacheControl: "no-store")
    }
}
