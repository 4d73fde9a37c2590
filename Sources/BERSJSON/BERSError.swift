/// The shape every BERS error shares: a stable code, one sentence, and the place it concerns.
///
/// `description` is `file:line:col: message` when a location is known, so an error prints ready
/// for a terminal; ``jsonValue`` is `{"code", "message", "location"}` for machine-readable output.
/// Errors of one type compare equal when their codes are, so tests can write
/// `#expect(throws: ConfigError(.unknownEnvironment, ""))` and then check the message.
///
/// ```swift
/// do { try work() } catch let error as any BERSError {
///     print(error.code.rawValue)   // config.unknown-environment
///     print(error)                 // config/bers.json:3:18: unknown environment "qa" ...
/// }
/// ```
public protocol BERSError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The type of the stable codes.
    associatedtype Code: BERSErrorCode
    /// What kind of error this is; codes never change meaning between releases.
    var code: Code { get }
    /// One sentence saying what is wrong, naming the key, path or value.
    var message: String { get }
    /// The file, line and column concerned, when known.
    var location: SourceLocation? { get }
    /// Further lines, one per problem, when the error sums up several (every schema failure of an
    /// invalid configuration, `file:line:col: /pointer: message`).
    var details: [String] { get }
}

/// A stable error code, such as `config.unknown-environment`.
public protocol BERSErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The stable text of the code.
    var rawValue: String { get }
}

extension BERSErrorCode {
    /// The stable text of the code, as ``rawValue``.
    public var description: String { rawValue }
}

extension BERSError {
    /// No further lines: most errors are one problem.
    public var details: [String] { [] }

    /// `file:line:col: message`, or the message alone when there is no location.
    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }

    /// `{"code": …, "message": …, "location": "file:line:col" or null}`, and `"details": […]`
    /// when there are details.
    public var jsonValue: JSONValue {
        var object: JSONObject = [
            "code": .string(code.rawValue),
            "message": .string(message),
            "location": location.map { .string($0.description) } ?? .null,
        ]
        if !details.isEmpty { object["details"] = .array(details.map(JSONValue.string)) }
        return .object(object)
    }

    /// Whether both errors have the same ``code`` (messages and locations are not compared).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
}
