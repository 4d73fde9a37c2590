import BERSJSON

/// Rewrites a layer's secrets, keeping every other value, key and source position.
///
/// It runs twice. Before the merge (``rewrite(_:sources:)``) it replaces `$secret` references by
/// their clear values and marks encrypted values as secret, sealed and waiting to be opened,
/// leaving their text; a string stays a string, so the tape keeps its nodes. After the merge
/// (``opening(_:clear:)``) it puts the clear values of the encrypted values that survived in
/// place of their envelopes (see ``SecretOpener``).
struct SecretLayerRewriter {
    /// What a pass does.
    private enum Pass {
        /// Reads references from `sources` (`nil`: leaves `$secret` objects as they are) and marks
        /// envelopes.
        case marking(SecretSources?)
        /// Replaces the envelopes at these nodes by these clear values.
        case opening([Int32: String])
    }

    private let tape: JSONTape
    private let pass: Pass
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

    /// The layer with its references read (`sources`; `nil` follows none, as for a tenant
    /// document) and its encrypted values marked, still sealed.
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-envelope` and `secret.unresolved` (a malformed
    ///   reference), located at the value.
    static func rewrite(_ layer: Layer, sources: SecretSources?) throws(ConfigError) -> (Layer, [ConfigDiagnostic]) {
        var rewriter = SecretLayerRewriter(tape: layer.tape, pass: .marking(sources))
        let rewritten = try rewriter.run(layer)
        return (rewritten, rewriter.diagnostics)
    }

    /// `layer` (a layer ``rewrite(_:sources:)`` marked) with the envelopes at the nodes of `clear`
    /// replaced by their clear values, which are no longer sealed.
    static func opening(_ layer: Layer, clear: [Int32: String]) throws(ConfigError) -> Layer {
        var rewriter = SecretLayerRewriter(tape: layer.tape, pass: .opening(clear))
        rewriter.secrets = layer.secrets
        return try rewriter.run(layer)
    }

    private init(tape: JSONTape, pass: Pass) {
        self.tape = tape
        self.pass = pass
    }

    private mutating func run(_ layer: Layer) throws(ConfigError) -> Layer {
        let value = try rebuild(node: 0)
        let document = JSONDocument(
            value: value,
            file: layer.tape.file,
            valuePositions: positions,
            keyPositions: keyPositions
        )
        var rewritten = try Layer(source: layer.source, document: document)
        rewritten.secrets = secrets
        return rewritten
    }

    /// The value of `node` with secrets replaced, appending positions in preorder.
    private mutating func rebuild(node: Int) throws(ConfigError) -> JSONValue {
        let entry = tape[node]
        let output = Int32(positions.count)
        positions.append(entry.position)
        keyPositions.append(entry.keyPosition)
        switch (entry.kind, pass) {
        case (.string, .opening(let clear)):
            guard let text = clear[output] else { return tape.value(ofNode: node) }
            secrets.sealed.remove(output)
            secrets.envelopes.remove(output)
            return .string(text)
        case (.string, .marking) where tape.string(of: node, hasPrefix: "enc:v1:"):
            try mark(node: node, output: output)
            return tape.value(ofNode: node)
        case (.object, .marking(let sources?)) where entry.count == 1 && tape.key(of: node + 1, is: "$secret"):
            return .string(try resolveReference(node: node, output: output, sources: sources))
        case (.object, _):
            var members: [JSONObject.Member] = []
            var child = node + 1
            for _ in 0..<entry.count {
                members.append((tape.key(of: child), try rebuild(node: child)))
                child += Int(tape[child].size)
            }
            return .object(JSONObject(uniqueMembers: members))
        case (.array, _):
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

    /// Checks the envelope's shape and marks it secret, sealed and waiting to be opened.
    private mutating func mark(node: Int, output: Int32) throws(ConfigError) {
        do {
            guard try SecretEnvelope.parse(tape.string(of: node)) != nil else { return }
        } catch {
            throw ConfigError(error.code, error.message, location: tape.location(ofNode: node))
        }
        secrets.secret.insert(output)
        secrets.sealed.insert(output)
        secrets.envelopes.insert(output)
    }

    private mutating func resolveReference(node: Int, output: Int32, sources: SecretSources) throws(ConfigError)
        -> String
    {
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
