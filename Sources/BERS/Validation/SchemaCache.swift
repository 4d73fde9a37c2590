import BERSSchema
import Synchronization

/// The schemas a project compiled, by path: each is read and compiled once per loaded project
/// (a reloaded project is a new ``ConfigProject`` and compiles again).
final class SchemaCache: Sendable {
    // A class so that every copy of a project shares what was compiled.
    private let compiled = Mutex<[String: Result<SchemaValidator, ConfigError>]>([:])
    private let secretPlaces = Mutex<[String: SecretLocations]>([:])

    /// The secret places of the schema at `path`, recorded when it was compiled.
    func secretLocations(at path: String) -> SecretLocations? {
        secretPlaces.withLock { $0[path] }
    }

    /// Records the secret places of the schema at `path`.
    func record(_ locations: SecretLocations, at path: String) {
        secretPlaces.withLock { $0[path] = locations }
    }

    /// The validator of the schema at `path`, compiled by `compile` on first use.
    ///
    /// A schema that could not be read (an I/O failure, not its content) is not remembered:
    /// the next call reads it again, so a passing disk fault does not fail the project for good.
    func validator(
        at path: String,
        compile: () throws(ConfigError) -> SchemaValidator
    ) throws(ConfigError) -> SchemaValidator {
        if let cached = compiled.withLock({ $0[path] }) { return try cached.get() }
        let result = Result { () throws(ConfigError) in try compile() }
        if case .failure(let error) = result, Self.isReadFailure(error) { throw error }
        compiled.withLock { $0[path] = result }
        return try result.get()
    }

    /// Whether `error` comes from reading or listing files rather than from what they hold.
    private static func isReadFailure(_ error: ConfigError) -> Bool {
        guard let cause = error.underlying as? ConfigError else { return false }
        return cause.code == .unreadable
    }
}
