import BERSJSON

/// Typed, located reads from the `build` section of `bers.json`.
///
/// Every failure is a ``BuildError`` `build.invalid-settings` naming the JSON pointer of the
/// offending value, with its `file:line:col`.
struct SettingsReader {
    let document: JSONDocument

    func value(at pointer: JSONPointer) -> JSONValue? { document.value[pointer: pointer] }

    func location(of pointer: JSONPointer) -> SourceLocation? { document.nearestLocation(of: pointer) }

    func fail(_ pointer: JSONPointer, _ message: String, code: BuildError.Code = .invalidSettings) -> BuildError {
        BuildError(code, "\(pointer): \(message)", location: document.nearestLocation(of: pointer))
    }

    func failAtKey(_ pointer: JSONPointer, _ message: String, code: BuildError.Code = .invalidSettings) -> BuildError {
        BuildError(
            code,
            "\(pointer): \(message)",
            location: document.keyLocation(of: pointer) ?? document.nearestLocation(of: pointer)
        )
    }

    func object(at pointer: JSONPointer) throws(BuildError) -> JSONObject? {
        guard let value = value(at: pointer) else { return nil }
        guard case .object(let object) = value else {
            throw fail(pointer, "expected an object, found \(value.typeName)")
        }
        return object
    }

    func string(at pointer: JSONPointer) throws(BuildError) -> String? {
        guard let value = value(at: pointer) else { return nil }
        guard case .string(let string) = value else {
            throw fail(pointer, "expected a string, found \(value.typeName)")
        }
        return string
    }

    func bool(at pointer: JSONPointer) throws(BuildError) -> Bool? {
        guard let value = value(at: pointer) else { return nil }
        guard case .bool(let bool) = value else {
            throw fail(pointer, "expected true or false, found \(value.typeName)")
        }
        return bool
    }

    func strings(at pointer: JSONPointer) throws(BuildError) -> [String]? {
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

    /// One of `choices` at `pointer`, or `nil` when absent.
    func choice(at pointer: JSONPointer, _ choices: [String]) throws(BuildError) -> String? {
        guard let text = try string(at: pointer) else { return nil }
        guard choices.contains(text) else {
            throw fail(
                pointer,
                "expected one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(text)\""
            )
        }
        return text
    }

    /// Fails on the first key of the object at `pointer` that is not in `allowed`.
    func rejectUnknownKeys(at pointer: JSONPointer, allowed: [String]) throws(BuildError) {
        guard let object = try object(at: pointer) else { return }
        for key in object.keys where !allowed.contains(key) {
            throw failAtKey(
                pointer.appending(key),
                "unknown key \"\(key)\" (known: \(allowed.joined(separator: ", ")))"
            )
        }
    }
}
