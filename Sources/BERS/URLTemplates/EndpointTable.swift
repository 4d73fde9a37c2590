import BERSJSON

/// The endpoints of a resolved configuration, compiled once.
///
/// ```swift
/// let endpoints = try EndpointTable(configuration: config)
/// try endpoints.url("configUrl", ["tenant": "my87674d777bf9"])
/// // https://chat.myrecruiter.ai/Master_Function?action=get_config&t=my87674d777bf9
/// ```
public struct EndpointTable: Sendable {
    /// The endpoints, in the order the section lists them.
    public let endpoints: [Endpoint]
    /// The section the endpoints were read from (`endpoints`).
    public let section: String
    private let byName: [String: Int]
    /// What the endpoints were compiled from: the section and every configuration value their
    /// templates name.
    let inputs: [JSONPointer]

    /// Compiles every endpoint of `section` (default `endpoints`) of `configuration`.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-template` (with the location of the template in
    ///   its layer file) for malformed templates, references to missing values, and cycles of
    ///   endpoints referring to each other.
    public init(configuration: ResolvedConfiguration, section: String = "endpoints") throws(ConfigError) {
        self.section = section
        guard let value = configuration.value(at: section) else {
            endpoints = []
            byName = [:]
            inputs = [JSONPointer(dottedPath: section)]
            return
        }
        guard case .object(let object) = value else {
            throw ConfigError(
                .invalidTemplate,
                "\(section) must be an object of templates, found \(value.typeName)",
                location: configuration.location(of: JSONPointer(dottedPath: section))
            )
        }
        var raw: [String: (text: String, description: String?, requires: [String])] = [:]
        for (name, entry) in object {
            let location = configuration.location(of: JSONPointer(dottedPath: section).appending(name))
            switch entry {
            case .string(let text):
                raw[name] = (text, nil, [])
            case .object(let fields):
                guard case .string(let text)? = fields["template"] else {
                    throw ConfigError(
                        .invalidTemplate,
                        "endpoint \"\(name)\" needs a \"template\" string",
                        location: location
                    )
                }
                let requires = fields["requires"]?.arrayValue?.compactMap(\.stringValue) ?? []
                raw[name] = (text, fields["description"]?.stringValue, requires)
            default:
                throw ConfigError(
                    .invalidTemplate,
                    "endpoint \"\(name)\" must be a template string or an object with \"template\", found \(entry.typeName)",
                    location: location
                )
            }
        }

        func inlined(_ name: String, _ visiting: [String]) throws(ConfigError) -> String {
            guard let entry = raw[name] else { return "" }
            if visiting.contains(name) {
                throw ConfigError(
                    .invalidTemplate,
                    "endpoints refer to each other in a cycle: \((visiting + [name]).joined(separator: " -> "))"
                )
            }
            var text = entry.text
            let prefix = "{\(section)."
            // Another endpoint can only be the base of a template: inlined at its start.
            if let range = text.firstRange(of: prefix) {
                guard range.lowerBound == text.startIndex else {
                    throw ConfigError(
                        .invalidTemplate,
                        "endpoint \"\(name)\": another endpoint may only start a template, as its base URL"
                    )
                }
                guard let close = text[range.upperBound...].firstIndex(of: "}") else { return text }
                let target = String(text[range.upperBound..<close])
                guard raw[target] != nil else {
                    throw ConfigError(.invalidTemplate, "endpoint \"\(name)\" refers to unknown endpoint \"\(target)\"")
                }
                text.replaceSubrange(range.lowerBound...close, with: try inlined(target, visiting + [name]))
                if text.firstRange(of: prefix).map({ $0.lowerBound != text.startIndex }) ?? false {
                    throw ConfigError(
                        .invalidTemplate,
                        "endpoint \"\(name)\": another endpoint may only start a template, as its base URL"
                    )
                }
            }
            return text
        }

        var endpoints: [Endpoint] = []
        var byName: [String: Int] = [:]
        var inputs = [JSONPointer(dottedPath: section)]
        for name in object.keys {
            guard let entry = raw[name] else { continue }
            do {
                let template = try EndpointTemplate(name: name, text: try inlined(name, []))
                endpoints.append(
                    try Endpoint(
                        name: name,
                        template: template,
                        description: entry.description,
                        requires: entry.requires,
                        lookup: { path in
                            inputs.append(JSONPointer(dottedPath: path))
                            return configuration.value(at: path)
                        },
                        isSecret: configuration.isSecret
                    )
                )
            } catch {
                var located = error
                located.location =
                    located.location ?? configuration.location(of: JSONPointer(dottedPath: section).appending(name))
                throw located
            }
            byName[name] = endpoints.count - 1
        }
        self.endpoints = endpoints
        self.byName = byName
        self.inputs = inputs
    }

    /// Whether compiling a configuration that differs from this table's only at `changes` would
    /// give this same table: no change is at, inside or above one of its ``inputs``.
    func isUnaffected(byChangesAt changes: [JSONPointer]) -> Bool {
        !changes.contains { change in inputs.contains { change.hasPrefix($0) || $0.hasPrefix(change) } }
    }

    /// The endpoint called `name`.
    public func endpoint(_ name: String) -> Endpoint? {
        byName[name].map { endpoints[$0] }
    }

    /// The URL of endpoint `name` for these parameters, in clear even when it carries a secret
    /// (see ``renderedURL(_:_:)``).
    ///
    /// - Throws: ``ConfigError`` `config.unknown-endpoint` (with a did-you-mean) or the errors of
    ///   ``Endpoint/url(_:)``.
    public func url(_ name: String, _ parameters: [String: String] = [:]) throws(ConfigError) -> String {
        try endpoint(named: name).renderer.url(parameters)
    }

    /// The URL of endpoint `name` for these parameters, with the secrets it carries: what to
    /// show of it is ``RenderedURL/redacted`` unless the caller may read them.
    ///
    /// - Throws: the errors of ``url(_:_:)``.
    public func renderedURL(_ name: String, _ parameters: [String: String] = [:]) throws(ConfigError) -> RenderedURL {
        try endpoint(named: name).renderer.renderedURL(parameters)
    }

    /// The pointers of the endpoints whose URLs carry a secret value (`/endpoints/dbUrl`): they
    /// are secrets wherever their URLs are written.
    public var secretPointers: [JSONPointer] {
        endpoints.filter(\.isSecret).map { JSONPointer(dottedPath: section).appending($0.name) }
    }

    /// The endpoint called `name`.
    ///
    /// - Throws: ``ConfigError`` `config.unknown-endpoint`, with a did-you-mean.
    private func endpoint(named name: String) throws(ConfigError) -> Endpoint {
        guard let index = byName[name] else {
            var message = "no endpoint named \"\(name)\""
            if let suggestion = Suggestions.closest(to: name, in: endpoints.map(\.name)) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            message += " (endpoints: \(endpoints.map(\.name).joined(separator: ", ")))"
            throw ConfigError(.unknownEndpoint, message)
        }
        return endpoints[index]
    }
}

extension ResolvedConfiguration {
    /// Compiles the endpoint table of this configuration.
    public func endpoints(section: String = "endpoints") throws(ConfigError) -> EndpointTable {
        try EndpointTable(configuration: self, section: section)
    }
}
