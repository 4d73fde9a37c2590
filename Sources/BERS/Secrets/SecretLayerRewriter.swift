import BERSJSON

/// Replaces the encrypted values and `$secret` references of a layer by their clear values,
/// keeping every other value, key and source position, and records which nodes are secret.
struct SecretLayerRewriter {
    private let tape: JSONTape
    private let sources: SecretSources
    private var positions: [SourcePosition] = []
    private var keyPositions: [SourcePosition] = []
    private(set) var secrets = LayerSecrets()
    private(set) var diagnostics: [ConfigDiagnostic] = []

    /// Whether `layer` has anything to rewrite: a string starting with `enc:v1:` or a `$secret`
    /// member.
    ///
    /// Reads the tape in place, so layers without secrets cost one pass and no allocation.
    static func needsRewrite(_ tape: JSONTape) -> Bool {
        for node in 0..<tape.count {
            let entry = tape[node]
            if entry.kind == .string, tape.string(of: node, hasPrefix: "enc:v1:") { return true }
            if node > 0, tape.key(of: node, is: "$secret") { return true }
        }
        return false
    }

    /// The layer with clear values (or sealed values left as they are) and its secret nodes.
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-envelope`, `secret.unresolved` (a malformed
    ///   reference), `secret.unknown-key` and `secret.cannot-decrypt`, located at the value.
    static func rewrite(_ layer: Layer, sources: SecretSources) throws(ConfigError) -> (Layer, [ConfigDiagnostic]) {
        var rewriter = SecretLayerRewriter(tape: layer.tape, sources: sources)
        let value = try rewriter.rebuild(node: 0)
        let document = JSONDocument(
            value: value,
            file: layer.tape.file,
            valuePositions: rewriter.positions,
            keyPositions: rewriter.keyPositions
        )
        var rewritten = try Layer(source: layer.source, document: document)
        rewritten.secrets = rewriter.secrets
        return (rewritten, rewriter.diagnostics)
    }

    private init(tape: JSONTape, sources: SecretSources) {
        self.tape = tape
        self.sources = sources
    }

    /// The value of `node` with secrets replaced, appending positions in preorder.
    private mutating func rebuild(node: Int) throws(ConfigError) -> JSONValue {
        let entry = tape[node]
        let output = Int32(positions.count)
        positions.append(entry.position)
        keyPositions.append(entry.keyPosition)
        switch entry.kind {
        case .string where tape.string(of: node, hasPrefix: "enc:v1:"):
            return .string(try open(node: node, output: output))
        case .object where entry.count == 1 && tape.key(of: node + 1, is: "$secret"):
            return .string(try resolveReference(node: node, output: output))
        case .object:
            var members: [JSONObject.Member] = []
            var child = node + 1
            for _ in 0..<entry.count {
                members.append((tape.key(of: child), try rebuild(node: child)))
                child += Int(tape[child].size)
            }
            return .object(JSONObject(uniqueMembers: members))
        case .array:
            var elements: [JSONValue] = []
            var child = node + 1
            for _ in 0..<entry.count {
                elements.append(try rebuild(node: child))
                child += Int(tape[child].size)
            }
            return .array(elements)
        default:
            return tape.value(ofNode: node)
        }
    }

    private mutating func open(node: Int, output: Int32) throws(ConfigError) -> String {
        let text = tape.string(of: node)
        secrets.secret.insert(output)
        do {
            guard let envelope = try SecretEnvelope.parse(text), let clear = try sources.open(envelope) else {
                secrets.sealed.insert(output)
                return text
            }
            return clear
        } catch {
            throw ConfigError(error.code, error.message, location: tape.location(ofNode: node))
        }
    }

    private mutating func resolveReference(node: Int, output: Int32) throws(ConfigError) -> String {
        let member = node + 1
        guard tape[member].kind == .string else {
            throw ConfigError(
                .unresolvedSecret,
                "the value of \"$secret\" must be a string such as \"env:NAME\" or \"file:/path\"",
                location: tape.location(ofNode: member)
            )
        }
        let reference: SecretReference
        do {
            reference = try SecretReference(parsing: tape.string(of: member))
        } catch {
            throw ConfigError(error.code, error.message, location: tape.location(ofNode: member))
        }
        secrets.secret.insert(output)
        var found: [ConfigDiagnostic] = []
        let clear = sources.read(reference, diagnostics: &found)
        let location = tape.location(ofNode: node)
        diagnostics += found.map { ConfigDiagnostic(code: $0.code, message: $0.message, location: location) }
        guard let clear else {
            secrets.sealed.insert(output)
            return "$secret:\(reference)"
        }
        return clear
    }
}
