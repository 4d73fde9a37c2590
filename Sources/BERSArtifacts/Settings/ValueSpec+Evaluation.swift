import BERS
import BERSJSON

extension ValueSpec {
    /// The value this declaration gives for `input`.
    ///
    /// - Throws: ``BuildError`` `build.missing-value` (with the declaration's location) for a path
    ///   or endpoint that does not exist, an endpoint that takes parameters, or a cap on a
    ///   value that is not a number.
    public func evaluate(in input: BuildInput) throws(BuildError) -> JSONValue {
        let value: JSONValue
        switch source {
        case .path(let path):
            guard let found = input.configuration.value(at: path) else {
                throw BuildError(
                    .missingValue,
                    "\"\(path)\" names no value in the \(input.environment.name) configuration",
                    location: location
                )
            }
            value = found
        case .endpoint(let name):
            guard let endpoint = input.endpoints.endpoint(name) else {
                let known = input.endpoints.endpoints.map(\.name).joined(separator: ", ")
                throw BuildError(
                    .missingValue,
                    "no endpoint named \"\(name)\" (endpoints: \(known))",
                    location: location
                )
            }
            guard endpoint.requiredParameters.isEmpty else {
                throw BuildError(
                    .missingValue,
                    "endpoint \"\(name)\" takes parameters (\(endpoint.requiredParameters.joined(separator: ", "))); use a url function",
                    location: location
                )
            }
            do {
                value = .string(try endpoint.url())
            } catch {
                throw BuildError(.resolveFailed, error.message, location: location, underlying: error)
            }
        case .literal(let literal):
            value = literal
        case .build(let field):
            value = input.buildValue(field)
        case .isEnvironment(let names):
            value = .bool(names.contains { input.lineage.contains($0) })
        }
        guard let maximum else { return value }
        guard let number = value.doubleValue, let cap = maximum.doubleValue else {
            throw BuildError(
                .missingValue,
                "\"max\" applies to numbers, but the value is \(value.typeName)",
                location: location
            )
        }
        return number > cap ? maximum : value
    }
}
