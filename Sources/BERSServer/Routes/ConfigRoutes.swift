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
    func configuration(_ name: String, provenance: Bool, path: String?) -> RouteAnswer {
        let service: EnvironmentService
        let state: GenerationState
        do {
            service = try environments.service(for: name)
            state = try service.current()
        } catch {
            return RouteAnswer(.error(error))
        }
        let key = "config|\(provenance)|\(path ?? "")"
        let response = state.response(key) {
            let generation = state.generation
            let configuration = generation.configuration
            let headers: HTTPFields = [
                .bersGeneration: String(generation.number), .bersEnvironment: configuration.environment.name,
            ]
            if let path { return self.value(at: path, in: configuration, headers: headers) }
            let body: JSONValue =
                provenance
                ? ["configuration": configuration.value, "provenance": configuration.provenanceDocument()]
                : configuration.value
            return .json(body, cacheControl: options.cacheControl, extraHeaders: headers)
        }
        return RouteAnswer(response, validity: .generation(state, of: service))
    }

    private func value(at path: String, in configuration: ResolvedConfiguration, headers: HTTPFields)
        -> RenderedResponse
    {
        guard let value = configuration.value(at: path) else {
            return .error(
                .notFound,
                code: ConfigError.Code.missingValue.rawValue,
                message: "\(configuration.environment.name) has no value at \(path)"
            )
        }
        let body: JSONValue = [
            "path": .string(path),
            "value": value,
            "provenance": configuration.provenance(at: path)?.jsonValue ?? .null,
        ]
        return .json(body, cacheControl: options.cacheControl, extraHeaders: headers)
    }
}
