import BERSJSON

/// The environments a project knows: the three built-in ones and the custom ones from `bers.json`.
///
/// A custom environment inherits from exactly one other environment, built-in or custom, in chains
/// of any length. Its configuration layers are its ancestors' environment files, root first, then
/// its own. The catalog is validated when it is made: a cycle, an unknown parent or a malformed
/// name is an error.
///
/// ```swift
/// let catalog = try EnvironmentCatalog(custom: [
///     .init(name: "qa", inherits: "staging"),
///     .init(name: "qa-eu", inherits: "qa"),
/// ])
/// try catalog.lineage(of: Environment("qa-eu", in: catalog)).map(\.name)  // ["staging", "qa", "qa-eu"]
/// ```
public struct EnvironmentCatalog: Sendable {
    /// A custom environment as declared in `bers.json`.
    public struct CustomEnvironment: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// The environment it inherits from.
        public var inherits: String
        /// A human description, shown by `bers detect` and `bers explain`.
        public var description: String?

        /// A declaration of `name` inheriting from `inherits`.
        public init(name: String, inherits: String, description: String? = nil) {
            self.name = name
            self.inherits = inherits
            self.description = description
        }
    }

    /// Parent of each custom environment.
    private let parents: [String: String]
    /// Every known name, built-in first, then custom in declaration order.
    public let names: [String]
    /// `known: development, staging, …`, for errors about names that are not environments.
    private let knownNames: String
    /// The names, prepared for did-you-mean suggestions.
    private let vocabulary: Suggestions.Vocabulary
    /// The custom declarations, in order.
    public let custom: [CustomEnvironment]

    /// The catalog with only the built-in environments.
    public static let builtIn = EnvironmentCatalog(validated: [])

    /// A catalog with these custom environments.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-environment-name` for a malformed or duplicate
    ///   name (or one that redefines a built-in), `config.unknown-parent` when a parent does not
    ///   exist, `config.inheritance-cycle` naming the cycle (`a -> b -> a`).
    public init(custom: [CustomEnvironment]) throws(ConfigError) {
        if custom.isEmpty {
            self = .builtIn
            return
        }
        var seen = Set(Environment.builtIn.map(\.name))
        for declaration in custom {
            guard Environment.isValidName(declaration.name) else {
                throw ConfigError(
                    .invalidEnvironmentName,
                    "environment name \"\(declaration.name)\" is not valid: use lowercase letters, digits, '-' and '_', starting with a letter"
                )
            }
            guard declaration.name != "default" && declaration.name != "local" else {
                throw ConfigError(
                    .invalidEnvironmentName,
                    "\"\(declaration.name)\" cannot name an environment: it is the name of a layer file"
                )
            }
            guard seen.insert(declaration.name).inserted else {
                let what =
                    Environment.builtIn.contains { $0.name == declaration.name }
                    ? "redefines the built-in" : "declares twice the"
                throw ConfigError(.invalidEnvironmentName, "bers.json \(what) environment \"\(declaration.name)\"")
            }
        }
        for declaration in custom where !seen.contains(declaration.inherits) {
            throw ConfigError(
                .unknownParent,
                "environment \"\(declaration.name)\" inherits from unknown environment \"\(declaration.inherits)\""
            )
        }
        let parents = Dictionary(custom.map { ($0.name, $0.inherits) }, uniquingKeysWith: { first, _ in first })
        for declaration in custom {
            var chain = [declaration.name]
            var current = declaration.name
            while let parent = parents[current] {
                if let start = chain.firstIndex(of: parent) {
                    let cycle = (chain[start...] + [parent]).joined(separator: " -> ")
                    throw ConfigError(.inheritanceCycle, "environments inherit in a cycle: \(cycle)")
                }
                chain.append(parent)
                current = parent
            }
        }
        self.init(validated: custom)
    }

    private init(validated custom: [CustomEnvironment]) {
        self.custom = custom
        self.parents = Dictionary(custom.map { ($0.name, $0.inherits) }, uniquingKeysWith: { first, _ in first })
        self.names = Environment.builtIn.map(\.name) + custom.map(\.name)
        self.knownNames = "known: \(names.joined(separator: ", "))"
        self.vocabulary = Suggestions.Vocabulary(names)
    }

    /// Whether `name` is a known environment.
    public func contains(_ name: String) -> Bool {
        parents[name] != nil || Environment.builtIn.contains { $0.name == name }
    }

    /// The environment called `name`.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-environment-name` or `config.unknown-environment`.
    public func environment(named name: String) throws(ConfigError) -> Environment {
        if contains(name) { return Environment(uncheckedName: name) }
        var known = knownNames
        if let suggestion = vocabulary.closest(to: name) { known += "; did you mean \(suggestion)?" }
        guard Environment.isValidName(name) else {
            throw ConfigError(.invalidEnvironmentName, "\"\(name)\" is not a valid environment name (\(known))")
        }
        throw ConfigError(.unknownEnvironment, "unknown environment \"\(name)\" (\(known))")
    }

    /// Why `name` is not an environment, or `nil` when it is one.
    ///
    /// Used by detection traces.
    public func rejectionReason(for name: String) -> String? {
        do {
            _ = try environment(named: name)
            return nil
        } catch {
            return error.message
        }
    }

    /// The parent of `environment`, or `nil` for a built-in environment.
    public func parent(of environment: Environment) -> Environment? {
        parents[environment.name].map(Environment.init(uncheckedName:))
    }

    /// `environment` and its ancestors, root (a built-in environment) first.
    public func lineage(of environment: Environment) -> [Environment] {
        var chain = [environment]
        var current = environment
        while let parent = parent(of: current) {
            chain.append(parent)
            current = parent
        }
        return chain.reversed()
    }

    /// The built-in environment at the root of `environment`'s lineage: what it behaves as
    /// (`qa` inheriting from `staging` is a kind of staging).
    public func baseEnvironment(of environment: Environment) -> Environment {
        lineage(of: environment).first ?? environment
    }

    /// The description declared for a custom environment.
    public func description(of environment: Environment) -> String? {
        custom.first { $0.name == environment.name }?.description
    }
}
