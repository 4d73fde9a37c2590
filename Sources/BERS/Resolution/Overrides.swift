import BERSJSON

/// Turns `BERS__API__TIMEOUT=15000` variables and `--set api.timeout=15000` arguments into layers.
///
/// Path segments of variables match existing keys case-insensitively (two keys differing only by
/// case make the segment ambiguous, an error); the text is converted to the type of the value it
/// replaces (`"false"` to false, `"15000"` to 15000; JSON text for arrays and objects). A variable
/// whose path matches no key is reported with a did-you-mean suggestion.
struct Overrides {
    /// The merged file layers, against which paths are resolved and types read.
    let base: JSONValue

    /// One resolved override.
    struct Resolved {
        var pointer: JSONPointer
        var value: JSONValue
    }

    /// Resolves an environment variable (already known to start with `prefix`).
    func resolveVariable(name: String, value text: String, prefix: String) throws(ConfigError) -> Resolved {
        let segments = name.dropFirst(prefix.count).split(separator: "__", omittingEmptySubsequences: false)
            .map(String.init)
        guard !segments.isEmpty, !segments.contains(where: \.isEmpty) else {
            throw ConfigError(
                .invalidOverride,
                "\(name): the name must be \(prefix)SECTION__KEY with non-empty segments"
            )
        }
        let pointer = try match(segments, caseInsensitive: true, what: name)
        guard let existing = base[pointer: pointer] else {
            throw unknownPath(name, segments)
        }
        return Resolved(
            pointer: pointer,
            value: try convert(text, like: existing, what: "\(name) (\(pointer.dottedPath))")
        )
    }

    /// Resolves a `path=value` argument.
    ///
    /// New paths are created; existing ones keep their type
    /// unless the value is explicit JSON of another type.
    func resolveAssignment(_ argument: String) throws(ConfigError) -> Resolved {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw ConfigError(.invalidOverride, "--set \(argument): expected path=value, such as api.timeout=15000")
        }
        let path = String(argument[..<equals])
        let text = String(argument[argument.index(after: equals)...])
        let requested: JSONPointer
        do { requested = try JSONPointer(path: path) } catch {
            throw ConfigError(.invalidOverride, "--set \(argument): \(error.message)")
        }
        guard !requested.isRoot else {
            throw ConfigError(.invalidOverride, "--set \(argument): cannot replace the whole configuration")
        }
        let pointer =
            (try? match(requested.tokens, caseInsensitive: false, what: path))
            ?? (try? match(requested.tokens, caseInsensitive: true, what: path))
        if let pointer, let existing = base[pointer: pointer] {
            do {
                return Resolved(pointer: pointer, value: try convert(text, like: existing, what: "--set \(path)"))
            } catch {
                if let explicit = try? JSONValue(parsing: text) { return Resolved(pointer: pointer, value: explicit) }
                throw error
            }
        }
        let value = (try? JSONValue(parsing: text)) ?? .string(text)
        return Resolved(pointer: requested, value: value)
    }

    /// Finds the existing keys the segments name.
    private func match(_ segments: [String], caseInsensitive: Bool, what: String) throws(ConfigError) -> JSONPointer {
        var current = base
        var tokens: [String] = []
        for segment in segments {
            switch current {
            case .object(let object):
                let matches =
                    caseInsensitive
                    ? object.keys.filter { $0.lowercased() == segment.lowercased() }
                    : object.keys.filter { $0 == segment }
                if matches.count > 1 {
                    throw ConfigError(
                        .ambiguousOverridePath,
                        "\(what): \"\(segment)\" matches several keys at \(JSONPointer(tokens: tokens).dottedPath.isEmpty ? "the root" : JSONPointer(tokens: tokens).dottedPath): \(matches.joined(separator: ", "))"
                    )
                }
                guard let key = matches.first, let next = object[key] else {
                    return JSONPointer(tokens: tokens + segments.dropFirst(tokens.count))
                }
                tokens.append(key)
                current = next
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(segment), elements.indices.contains(index) else {
                    return JSONPointer(tokens: tokens + segments.dropFirst(tokens.count))
                }
                tokens.append(segment)
                current = elements[index]
            default:
                return JSONPointer(tokens: tokens + segments.dropFirst(tokens.count))
            }
        }
        return JSONPointer(tokens: tokens)
    }

    private func unknownPath(_ name: String, _ segments: [String]) -> ConfigError {
        let wanted = segments.joined(separator: ".").lowercased()
        var paths: [String] = []
        collectPaths(base, prefix: "", into: &paths)
        var message = "\(name) matches no configuration key (\(segments.joined(separator: ".").lowercased()))"
        if let suggestion = closestMatch(to: wanted, in: paths) {
            let variable =
                "\(name.prefix(name.count - segments.joined(separator: "__").count))"
                + suggestion.split(separator: ".").map { $0.uppercased() }.joined(separator: "__")
            message += "; did you mean \(variable) (\(suggestion))?"
        }
        return ConfigError(.unknownOverridePath, message)
    }

    private func collectPaths(_ value: JSONValue, prefix: String, into paths: inout [String]) {
        switch value {
        case .object(let object):
            for (key, child) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.append(path)
                collectPaths(child, prefix: path, into: &paths)
            }
        default:
            break
        }
    }

    /// Converts override text to the type of `existing`.
    func convert(_ text: String, like existing: JSONValue, what: String) throws(ConfigError) -> JSONValue {
        func mismatch(_ expected: String) -> ConfigError {
            ConfigError(
                .overrideTypeMismatch,
                "\(what): \"\(text)\" is not \(expected), the type of the value it replaces (\(existing.shortDescription))"
            )
        }
        let trimmed = text.trimmingWhitespace()
        switch existing {
        case .string:
            return .string(text)
        case .integer:
            guard let integer = Int64(trimmed) else { throw mismatch("an integer") }
            return .integer(integer)
        case .double:
            guard let parsed = try? JSONValue(parsing: trimmed), let number = parsed.doubleValue else {
                throw mismatch("a number")
            }
            return .double(number)
        case .bool:
            switch trimmed.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw mismatch("true or false")
            }
        case .null:
            return (try? JSONValue(parsing: trimmed)) ?? .string(text)
        case .array:
            guard let parsed = try? JSONValue(parsing: trimmed), case .array = parsed else {
                throw mismatch("a JSON array")
            }
            return parsed
        case .object:
            guard let parsed = try? JSONValue(parsing: trimmed), case .object = parsed else {
                throw mismatch("a JSON object")
            }
            return parsed
        }
    }

    /// A layer document holding one override, `{"api": {"timeout": 15000}}`.
    ///
    /// An override inside
    /// an array replaces the whole array with a copy holding the new element, since layers replace
    /// arrays.
    func document(for override: Resolved, name: String) -> JSONDocument {
        var tokens = override.pointer.tokens
        var value = override.value
        var current = base
        for (depth, token) in override.pointer.tokens.enumerated() {
            if case .array = current {
                let arrayPointer = JSONPointer(tokens: Array(tokens.prefix(depth)))
                value = Overrides.setting(override.value, at: Array(tokens.dropFirst(depth)), in: current)
                tokens = arrayPointer.tokens
                break
            }
            guard let next = current[pointer: JSONPointer(tokens: [token])] else { break }
            current = next
        }
        for token in tokens.reversed() {
            value = .object(JSONObject(uniqueMembers: [(token, value)]))
        }
        return JSONDocument(value: value, file: name)
    }

    /// `container` with `value` stored at the relative path `tokens`.
    static func setting(_ value: JSONValue, at tokens: [String], in container: JSONValue) -> JSONValue {
        guard let first = tokens.first else { return value }
        let rest = Array(tokens.dropFirst())
        switch container {
        case .array(var elements):
            if let index = JSONPointer.arrayIndex(first), elements.indices.contains(index) {
                elements[index] = setting(value, at: rest, in: elements[index])
            }
            return .array(elements)
        case .object(var object):
            object[first] = setting(value, at: rest, in: object[first] ?? .object([:]))
            return .object(object)
        default:
            return setting(value, at: tokens, in: .object([:]))
        }
    }
}

/// Merges `overlay` into `base` with the layer rules, without provenance (objects merge, the
/// rest replaces).
func mergeValues(_ base: JSONValue, _ overlay: JSONValue) -> JSONValue {
    guard case .object(var merged) = base, case .object(let top) = overlay else { return overlay }
    for (key, value) in top {
        merged[key] = merged[key].map { mergeValues($0, value) } ?? value
    }
    return .object(merged)
}
