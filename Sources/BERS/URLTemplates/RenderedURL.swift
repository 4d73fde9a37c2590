import BERSJSON

/// A URL rendered from an endpoint template, and the secret values it carries.
///
/// A URL whose template names a secret value (`{db.password}`, a `$secret` reference, an
/// encrypted value) is itself a secret: it is shown as `<redacted>` unless every secret it
/// carries is revealed. Interpolated into a string (a log line), it prints redacted.
///
/// ```swift
/// let url = try endpoints.renderedURL("dbUrl")
/// url.secretPaths        // ["db.password"]
/// url.redacted           // "<redacted>"
/// url.shown(revealing: [JSONPointer(dottedPath: "db.password")])  // the URL in clear
/// ```
public struct RenderedURL: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The URL in clear.
    public let text: String
    /// The configuration paths of the secret values in it, as the template names them (empty
    /// for a URL without secrets).
    public let secretPaths: [String]

    /// A rendered URL carrying the secrets at `secretPaths`.
    public init(text: String, secretPaths: [String]) {
        self.text = text
        self.secretPaths = secretPaths
    }

    /// Whether the URL carries a secret value.
    public var isSecret: Bool { !secretPaths.isEmpty }

    /// The URL, or `<redacted>` when it carries a secret: what anyone not allowed to read
    /// secrets may see.
    public var redacted: String { isSecret ? SecretRedaction.placeholder : text }

    /// ``redacted``, so that a URL interpolated into a message never shows a secret.
    public var description: String { redacted }

    /// ``redacted`` too: `debugPrint` and `String(reflecting:)` show no secret either.
    public var debugDescription: String { "RenderedURL(\(redacted))" }

    /// A mirror without the clear text, so that `dump` shows no secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["redacted": redacted, "secretPaths": secretPaths], displayStyle: .struct)
    }

    /// The secret paths of the URL that no pointer of `revealing` is at or above.
    public func unrevealedPaths(revealing: Set<JSONPointer>) -> [String] {
        secretPaths.filter { path in
            let pointer = JSONPointer(stringLiteral: path)
            return !revealing.contains { pointer.hasPrefix($0) }
        }
    }

    /// The URL in clear when every secret it carries is revealed, `<redacted>` otherwise.
    public func shown(revealing: Set<JSONPointer>) -> String {
        unrevealedPaths(revealing: revealing).isEmpty ? text : SecretRedaction.placeholder
    }
}
