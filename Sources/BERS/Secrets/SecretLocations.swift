import BERSJSON
import BERSSchema

/// The places a schema marks as secret (`"writeOnly": true` or `"x-bers-secret": true`).
///
/// They are pointer patterns: a token is a member name or any member or element (from
/// `additionalProperties`, `patternProperties` and `items`). Everything below a secret place is
/// secret too.
///
/// The walk over-approximates (a `patternProperties` pattern counts as any name; every branch of
/// `anyOf`, `oneOf` and `if`/`then`/`else` counts): for secrets, redacting too much is the safe
/// mistake.
public struct SecretLocations: Sendable, Hashable {
    /// One token of a pattern.
    public enum Token: Sendable, Hashable {
        /// A member with this name.
        case name(String)
        /// Any member or element.
        case any
    }

    /// The patterns, each a path from the root.
    public let patterns: [[Token]]
    /// Whether every value is secret (used when the schema cannot be read: redact everything
    /// rather than risk a secret).
    public let coversEverything: Bool

    /// No secret places.
    public static let none = SecretLocations(patterns: [], coversEverything: false)
    /// Every value is secret.
    public static let everything = SecretLocations(patterns: [], coversEverything: true)

    init(patterns: [[Token]], coversEverything: Bool) {
        self.patterns = patterns
        self.coversEverything = coversEverything
    }

    /// The secret places of `schema`, following `$ref`s into itself and into `registry`.
    public init(schema: JSONValue, registry: SchemaRegistry = SchemaRegistry()) {
        var walker = SecretSchemaWalker(root: schema, registry: registry)
        walker.walk(schema, root: schema, path: [])
        self.init(patterns: walker.found, coversEverything: false)
    }

    /// Whether the value at `tokens` is at or below a secret place.
    public func contains(_ tokens: [String]) -> Bool {
        if coversEverything { return true }
        return patterns.contains { pattern in
            pattern.count <= tokens.count
                && zip(pattern, tokens)
                    .allSatisfy { token, name in
                        if case .name(let expected) = token { return expected == name }
                        return true
                    }
        }
    }
}

extension SecretLocations {
    /// The pointers of the secrets in a plain document (a layer file, a tenant document): values
    /// at the places marked secret, encrypted values and `$secret` references.
    public func pointers(in document: JSONValue) -> [JSONPointer] {
        var found: [JSONPointer] = []
        collect(document, at: .root, into: &found)
        return found
    }

    private func collect(_ value: JSONValue, at pointer: JSONPointer, into found: inout [JSONPointer]) {
        if contains(pointer.tokens) || SecretLocations.isSecretLiteral(value) {
            found.append(pointer)
            return
        }
        switch value {
        case .object(let object):
            for member in object { collect(member.value, at: pointer.appending(member.key), into: &found) }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, at: pointer.appending(index: index), into: &found)
            }
        default:
            break
        }
    }

    /// Whether a value is secret by itself: an encrypted value or a `$secret` reference.
    static func isSecretLiteral(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.hasPrefix(SecretEnvelope.prefix)
        case .object(let object): object.count == 1 && object[SecretReference.key] != nil
        default: false
        }
    }
}
