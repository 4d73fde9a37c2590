/// Typed, located reads from a settings document (`bers.json` and its sections).
///
/// Every failure is made by the caller's `error` closure from a message that names the JSON
/// pointer of the offending value and the value's `file:line:col`, so each module reports
/// settings problems with its own error type.
///
/// ```swift
/// let reader = JSONSettingsReader(document) { message, location in MyError(message, location) }
/// let name = try reader.string(at: "/build/name")        // nil when absent, throws when not a string
/// try reader.rejectUnknownKeys(at: "/build", allowed: ["name", "formats"])
/// ```
public struct JSONSettingsReader<Failure: Error>: Sendable {
    /// The document read.
    public let document: JSONDocument
    private let makeError: @Sendable (_ message: String, _ location: SourceLocation?) -> Failure

    /// A reader of `document` whose failures `error` makes.
    public init(
        _ document: JSONDocument,
        error: @escaping @Sendable (_ message: String, _ location: SourceLocation?) -> Failure
    ) {
        self.document = document
        self.makeError = error
    }

    /// The value at `pointer`, if present.
    public func value(at pointer: JSONPointer) -> JSONValue? { document.value[pointer: pointer] }

    /// A failure about the value at `pointer` (or its nearest existing ancestor).
    public func fail(_ pointer: JSONPointer, _ message: String) -> Failure {
        let shown = pointer.isRoot ? document.file : pointer.description
        return makeError("\(shown): \(message)", document.nearestLocation(of: pointer))
    }

    /// A failure about the key of the member at `pointer`.
    public func failAtKey(_ pointer: JSONPointer, _ message: String) -> Failure {
        makeError("\(pointer): \(message)", document.keyLocation(of: pointer) ?? document.nearestLocation(of: pointer))
    }

    /// The object at `pointer`, `nil` when absent.
    public func object(at pointer: JSONPointer) throws(Failure) -> JSONObject? {
        guard let value = value(at: pointer) else { return nil }
        guard case .object(let object) = value else {
            throw fail(pointer, "expected an object, found \(value.typeName)")
        }
        return object
    }

    /// The string at `pointer`, `nil` when absent.
    public func string(at pointer: JSONPointer) throws(Failure) -> String? {
        guard let value = value(at: pointer) else { return nil }
        guard case .string(let string) = value else {
            throw fail(pointer, "expected a string, found \(value.typeName)")
        }
        return string
    }

    /// The boolean at `pointer`, `nil` when absent.
    public func bool(at pointer: JSONPointer) throws(Failure) -> Bool? {
        guard let value = value(at: pointer) else { return nil }
        guard case .bool(let bool) = value else {
            throw fail(pointer, "expected true or false, found \(value.typeName)")
        }
        return bool
    }

    /// The integer at `pointer` within `range`, `nil` when absent.
    public func integer(at pointer: JSONPointer, range: ClosedRange<Int64>) throws(Failure) -> Int64? {
        guard let value = value(at: pointer) else { return nil }
        guard let integer = value.integerValue else {
            throw fail(pointer, "expected an integer, found \(value.typeName)")
        }
        guard range.contains(integer) else {
            throw fail(pointer, "\(integer) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return integer
    }

    /// The array of strings at `pointer`, `nil` when absent.
    public func strings(at pointer: JSONPointer) throws(Failure) -> [String]? {
        guard let value = value(at: pointer) else { return nil }
        guard case .array(let elements) = value else {
            throw fail(pointer, "expected an array of strings, found \(value.typeName)")
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let string) = element else {
                throw fail(pointer.appending(index: index), "expected a string, found \(element.typeName)")
            }
            result.append(string)
        }
        return result
    }

    /// One of `choices` at `pointer`, `nil` when absent.
    public func choice(at pointer: JSONPointer, _ choices: [String]) throws(Failure) -> String? {
        guard let text = try string(at: pointer) else { return nil }
        guard choices.contains(text) else {
            throw fail(
                pointer,
                "expected one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(text)\""
            )
        }
        return text
    }

    /// Fails on the first key of the object at `pointer` that is not in `allowed`, suggesting the
    /// closest allowed key.
    public func rejectUnknownKeys(at pointer: JSONPointer, allowed: [String]) throws(Failure) {
        guard let object = try object(at: pointer) else { return }
        for key in object.keys where !allowed.contains(key) {
            var message = "unknown key \"\(key)\""
            if let suggestion = Suggestions.closest(to: key, in: allowed) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            message += " (known: \(allowed.joined(separator: ", ")))"
            throw failAtKey(pointer.appending(key), message)
        }
    }
}
