import BERS
import BERSJSON
import HTTPTypes

extension RequestHandler {
    /// `GET /v1/environments`: the names, what each inherits, and the environment this server
    /// detected for itself (and how).
    func environmentList() -> RouteAnswer {
        let service = environments.primary
        let state: GenerationState
        do {
            state = try service.current()
        } catch {
            return RouteAnswer(.error(error))
        }
        let response = state.response("environments") {
            let catalog = state.generation.project.catalog
            let list: [JSONValue] = catalog.names.map { name in
                guard let environment = try? catalog.environment(named: name) else { return .null }
                return [
                    "name": .string(name),
                    "inherits": catalog.parent(of: environment).map { .string($0.name) } ?? .null,
                    "description": catalog.description(of: environment).map(JSONValue.string) ?? .null,
                ]
            }
            return .json(
                [
                    "environments": .array(list),
                    "served": .string(service.environment.name),
                    "detection": options.detection ?? .null,
                ],
                cacheControl: options.cacheControl
            )
        }
        return RouteAnswer(response, validity: .generation(state, of: service))
    }

    /// `GET /v1/config/{env}`: the resolved, validated configuration; with `provenance=true`
    /// also where each value came from; with `path=a.b` one value and its provenance.
    ///
    /// Secrets are `<redacted>` unless `revealSecrets` (a token with `secrets:read`); such an
    /// answer is `no-store` and never served by the fast path.
    func configuration(_ name: String, provenance: Bool, path: String?, revealSecrets: Bool) -> RouteAnswer {
        let service: EnvironmentService
        let state: GenerationState
        do {
            service = try environments.service(for: name)
            state = try service.current()
        } catch {
            return RouteAnswer(.error(error))
        }
        let configuration = state.generation.configuration
        let reveal = revealSecrets && configuration.hasSecrets
        let key = "config|\(provenance)|\(path ?? "")|\(reveal)"
        let response = state.response(key) {
            let generation = state.generation
            let view = SecretView(configuration: configuration, reveal: reveal)
            let headers: HTTPFields = [
                .bersGeneration: String(generation.number), .bersEnvironment: configuration.environment.name,
            ]
            let cacheControl = reveal ? "no-store" : options.cacheControl
            if let path { return self.value(at: path, in: view, cacheControl: cacheControl, headers: headers) }
            let body: JSONValue =
                provenance
                ? ["configuration": view.value, "provenance": view.provenanceDocument]
                : view.value
            return .json(body, cacheControl: cacheControl, extraHeaders: headers)
        }
        return RouteAnswer(response, validity: reveal ? nil : .generation(state, of: service))
    }

    private func value(at path: String, in view: SecretView, cacheControl: String, headers: HTTPFields)
        -> RenderedResponse
    {
        let configuration = view.configuration
        guard let value = view.value(at: path) else {
            return .error(
                .notFound,
                code: ConfigError.Code.missingValue.rawValue,
                message: "\(configuration.environment.name) has no value at \(path)"
            )
        }
        var body: JSONObject = [
            "path": .string(path),
            "value": value,
            "provenance": view.provenance(at: path)?.jsonValue ?? .null,
        ]
        if configuration.isSecret(path) { body["secret"] = true }
        return .json(.object(body), cacheControl: cacheControl, extraHeaders: headers)
    }
}
