import BERSJSON

/// Typed, located reads from a settings document such as `bers.json`.
///
/// Every failure is a ``ConfigError`` with the given code, the JSON pointer of the offending value
/// and its `file:line:col`.
struct DocumentReader {
    let document: JSONDocument
    let code: ConfigError.Code

    init(_ document: JSONDocument, code: ConfigError.Code = .invalidProjectFile) {
        self.document = document
        self.code = code
    }

    func value(at pointer: JSONPointer) -> JSONValue? { document.value[pointer: pointer] }

    func fail(_ pointer: JSONPointer, _ message: String) -> ConfigError {
        let shown = pointer.isRoot ? "\(document.file)" : "\(pointer)"
        return ConfigError(code, "\(shown): \(message)", location: document.nearestLocation(of: pointer))
    }

    func failAtKey(_ pointer: JSONPointer, _ message: String) -> ConfigError {
        ConfigError(
            code,
            "\(pointer): \(message)",
            location: document.keyLocation(of: pointer) ?? document.nearestLocation(of: pointer)
        )
    }

    func object(at pointer: JSONPointer) throws(ConfigError) -> JSONObject? {
        guard let value = value(at: pointer) else { return nil }
        guard case .object(let object) = value else {
            throw fail(pointer, "expected an object, found \(value.typeName)")
        }
        return object
    }

    func string(at pointer: JSONPointer) throws(ConfigError) -> String? {
        guard let value = value(at: pointer) else { return nil }
        guard case .string(let string) = value else {
            throw fail(pointer, "expected a string, found \(value.typeName)")
        }
        return string
    }

    func bool(at pointer: JSONPointer) throws(ConfigError) -> Bool? {
        guard let value = value(at: pointer) else { return nil }
        guard case .bool(let bool) = value else {
            throw fail(pointer, "expected true or false, found \(value.typeName)")
        }
        return bool
    }

    func integer(at pointer: JSONPointer, range: ClosedRange<Int64>) throws(ConfigError) -> Int64? {
        guard let value = value(at: pointer) else { return nil }
        guard let integer = value.integerValue else {
            throw fail(pointer, "expected an integer, found \(value.typeName)")
        }
        guard range.contains(integer) else {
            throw fail(pointer, "\(integer) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return integer
    }

    func strings(at pointer: JSONPointer) throws(ConfigError) -> [String]? {
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

    /// Fails on the first key of the object at `pointer` that is not in `allowed`, suggesting the
    /// closest allowed key.
    func rejectUnknownKeys(at pointer: JSONPointer, allowed: [String]) throws(ConfigError) {
        guard let object = try object(at: pointer) else { return }
        for key in object.keys where !allowed.contains(key) {
            var message = "unknown key \"\(key)\""
            if let suggestion = closestMatch(to: key, in: allowed) { message += "; did you mean \"\(suggestion)\"?" }
            message += " (known: \(allowed.joined(separator: ", ")))"
            throw failAtKey(pointer.appending(key), message)
        }
    }
}
