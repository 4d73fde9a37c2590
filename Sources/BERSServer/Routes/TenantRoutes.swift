import BERS
import BERSJSON
import HTTPTypes

extension RequestHandler {
    /// `GET /v1/tenants/{hash}?env=E`: the environment's configuration with the tenant's allowed
    /// overrides, and the tenant document (or the configured fallback, marked as such).
    func tenant(_ text: String, environment name: String?, revealSecrets: Bool) async -> RouteAnswer {
        do {
            let service = try environments.service(for: name ?? environments.primary.environment.name)
            let state = try service.current()
            guard let runtime = state.runtime else { return RouteAnswer(noTenantStore()) }
            let hash = try TenantHash(text, policy: state.generation.project.settings.tenants.hashPolicy)
            let served = try await runtime.resolve(
                environment: service.environment,
                tenant: hash,
                options: environments.tenantOptions
            )
            switch served.source {
            case .stale(let error):
                environments.tenantLog.served(hash, document: served.tenantDocument, staleBecause: error)
            case .store, .revalidated:
                environments.tenantLog.served(hash, document: served.tenantDocument, staleBecause: nil)
            case .fallback: break
            }
            let identity = Self.identity(of: served)
            let reveal = revealSecrets && served.configuration.hasSecrets
            let response = state.tenantResponse("tenant|\(hash.value)|\(reveal)", identity: identity) {
                let headers: HTTPFields = [
                    .bersGeneration: String(state.generation.number),
                    .bersEnvironment: service.environment.name,
                    .bersTenantSource: served.source.name,
                ]
                return .json(
                    served.jsonValue(revealingSecrets: reveal),
                    cacheControl: reveal ? "no-store" : options.cacheControl,
                    extraHeaders: headers
                )
            }
            // Not for the fast path: its body names the cache's freshness, which changes on its own.
            return RouteAnswer(response)
        } catch {
            return RouteAnswer(.error(error))
        }
    }

    /// The legacy `get_config` route: the tenant document as the original widget expects it;
    /// 404 with no fallback for an unknown or malformed hash, as the original.
    func legacy(action: String?, hash text: String?) async -> RouteAnswer {
        guard action == "get_config" else {
            let found = action.map { "action \"\($0)\" is not supported" } ?? "no action given"
            return RouteAnswer(
                .error(
                    .badRequest,
                    code: "serve.unsupported-action",
                    message: "\(found); the supported action is get_config (?action=get_config&t=<tenant hash>)"
                )
            )
        }
        do {
            let service = environments.primary
            let state = try service.current()
            guard let cache = environments.tenantCache else { return RouteAnswer(noTenantStore()) }
            let policy = state.generation.project.settings.tenants.hashPolicy
            guard let text, let hash = try? TenantHash(text, policy: policy) else {
                return RouteAnswer(
                    .error(.notFound, code: TenantError.Code.notFound.rawValue, message: "no tenant has this hash")
                )
            }
            let entry = try await cache.get(hash)
            let staleBecause: TenantError? = if case .stale(let error) = entry.freshness { error } else { nil }
            environments.tenantLog.served(hash, document: entry.document, staleBecause: staleBecause)
            let identity = entry.document.etag.map { "\($0)|\(entry.document.key)" }
            let response = state.tenantResponse("legacy|\(hash.value)", identity: identity) {
                do {
                    // The anonymous route never carries a secret a tenant override sets.
                    let configuration = state.generation.configuration
                    let settings = state.generation.project.settings.tenants
                    let document = try LegacyTenantDocument.render(
                        configuration.redactingOverrides(in: entry.document.value, overridesKey: settings.overridesKey),
                        defaults: state.legacyDefaults,
                        decorations: state.generation.project.settings.serve.legacy.decorations,
                        hash: hash,
                        endpoints: try configuration.endpoints()
                    )
                    return .json(document, cacheControl: options.cacheControl)
                } catch {
                    return Self.publicError(error)
                }
            }
            return RouteAnswer(response, validity: .tenant(entry.document, in: cache, state, of: service))
        } catch {
            return RouteAnswer(Self.publicError(error))
        }
    }

    /// An error for the anonymous legacy route: its code and status, with a message that names
    /// no store, key, file or line (the access log and `/v1/status` have those).
    private static func publicError(_ error: any Error) -> RenderedResponse {
        guard let error = error as? any BERSError else { return .error(error) }
        let code = error.code.rawValue
        let message =
            switch code {
            case TenantError.Code.notFound.rawValue: "no tenant has this hash"
            case _ where error is TenantError: "the tenant store failed (\(code))"
            default: "the server cannot render this tenant's configuration (\(code))"
            }
        return .error(ServerStatus.of(code: code), code: code, message: message)
    }

    /// `POST /v1/tenants/{hash}/invalidate`: forgets the cached document, so the next request
    /// reads the store.
    func invalidate(_ text: String) -> RenderedResponse {
        guard let cache = environments.tenantCache else { return noTenantStore() }
        do {
            let hash = try TenantHash(text, policy: environments.project.settings.tenants.hashPolicy)
            cache.invalidate(hash)
            return .json(["invalidated": .string(hash.value)], cacheControl: "no-store")
        } catch {
            return .error(error)
        }
    }

    private func noTenantStore() -> RenderedResponse {
        .error(
            .notFound,
            code: "serve.no-tenant-store",
            message: "this server has no tenant store: set tenants.store in bers.json or pass --store"
        )
    }

    /// What identifies the tenant answer: the document's version and where it came from
    /// (`nil`, never kept, for a fallback or a document without an entity tag).
    private static func identity(of served: RuntimeConfiguration) -> String? {
        guard let document = served.tenantDocument, let etag = document.etag else { return nil }
        return "\(served.source.name)|\(etag)|\(document.key)"
    }
}
