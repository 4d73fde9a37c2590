import BERSJSON

/// Turns `BERS__API__TIMEOUT=15000` variables and `--set api.timeout=15000` arguments into layers.
///
/// Path segments of variables match existing keys case-insensitively (two keys differing only by
/// case make the segment ambiguous, an error); the text is converted to the type of the value it
/// replaces (`"false"` to false, `"15000"` to 15000; JSON text for arrays and objects). A variable
/// whose path matches no key is reported with a did-you-mean suggestion.
struct Overrides {
    /// The merged file layers and earlier overrides, against which paths are resolved and types read.
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
        let found = try match(segments, caseInsensitive: true, what: name)
        guard found.isComplete, let existing = base[pointer: found.pointer] else {
            throw unknownPath(name, segments)
        }
        return Resolved(
            pointer: found.pointer,
            value: try convert(text, like: existing, what: "\(name) (\(found.pointer.dottedPath))")
        )
    }

    /// Resolves a `path=value` argument.
    ///
    /// Existing paths match exactly, else case-insensitively, and the value takes the type of the
    /// value it replaces (as for variables). A new key, created under an existing object, takes the
    /// value as JSON when it parses, else as text; the schema decides whether it may exist.
    func resolveAssignment(_ argument: String) throws(ConfigError) -> Resolved {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw ConfigError(.invalidOverride, "--set expects path=value, such as api.timeout=15000")
        }
        let path = String(argument[..<equals])
        let text = String(argument[argument.index(after: equals)...])
        let requested: JSONPointer
        do { requested = try JSONPointer(path: path) } catch {
            throw ConfigError(.invalidOverride, "--set \(path): \(error.message)")
        }
        guard !requested.isRoot else {
            throw ConfigError(.invalidOverride, "--set \(path): cannot replace the whole configuration")
        }
        var found = try match(requested.tokens, caseInsensitive: false, what: "--set \(path)")
        if !found.isComplete {
            let insensitive = try match(requested.tokens, caseInsensitive: true, what: "--set \(path)")
            if insensitive.isComplete { found = insensitive }
        }
        if found.isComplete, let existing = base[pointer: found.pointer] {
            return Resolved(pointer: found.pointer, value: try convert(text, like: existing, what: "--set \(path)"))
        }
        let value = (try? JSONValue(parsing: text)) ?? .string(text)
        return Resolved(pointer: found.pointer, value: value)
    }

    /// How far a path matches existing keys.
    struct Match {
        /// The pointer: existing keys as spelt in the configuration, then the rest as requested.
        var pointer: JSONPointer
        /// Whether every segment named an existing key.
        var isComplete: Bool
    }

    /// Finds the existing keys the segments name.
    ///
    /// - Throws: `config.ambiguous-override-path` when a segment matches several keys,
    ///   `config.invalid-override` when the path goes into an array (arrays are replaced whole) or
    ///   below a value that is not an object.
    private func match(_ segments: [String], caseInsensitive: Bool, what: String) throws(ConfigError) -> Match {
        var current = base
        var tokens: [String] = []
        for segment in segments {
            let here = JSONPointer(tokens: tokens).dottedPath
            switch current {
            case .object(let object):
                let matches =
                    caseInsensitive
                    ? object.keys.filter { $0.lowercased() == segment.lowercased() }
                    : object.keys.filter { $0 == segment }
                if matches.count > 1 {
                    throw ConfigError(
                        .ambiguousOverridePath,
                        "\(what): \"\(segment)\" matches several keys at \(here.isEmpty ? "the root" : here): \(matches.joined(separator: ", "))"
                    )
                }
                guard let key = matches.first, let next = object[key] else {
                    return Match(
                        pointer: JSONPointer(tokens: tokens + segments.dropFirst(tokens.count)),
                        isComplete: false
                    )
                }
                tokens.append(key)
                current = next
            case .array:
                throw ConfigError(
                    .invalidOverride,
                    "\(what): \(here) is an array, and arrays are replaced whole; set all of it as JSON instead of element \(segment)"
                )
            default:
                throw ConfigError(
                    .invalidOverride,
                    "\(what): \(here) is \(current.typeName), which has no member \"\(segment)\""
                )
            }
        }
        return Match(pointer: JSONPointer(tokens: tokens), isComplete: true)
    }

    private func unknownPath(_ name: String, _ segments: [String]) -> ConfigError {
        let wanted = segments.joined(separator: ".").lowercased()
        var paths: [String] = []
        collectPaths(base, prefix: "", into: &paths)
        var message = "\(name) matches no configuration key (\(segments.joined(separator: ".").lowercased()))"
        if let suggestion = Suggestions.closest(to: wanted, in: paths) {
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
        // The text itself is never repeated: it may be a secret.
        func mismatch(_ expected: String) -> ConfigError {
            ConfigError(
                .overrideTypeMismatch,
                "\(what): the value is not \(expected); an override takes the type of the value it replaces (\(existing.typeName))"
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

    /// `base` with an override layer's value on top: objects merge, anything else replaces
    /// (override layers replace arrays whatever the merge strategy).
    static func apply(_ overlay: JSONValue, to base: JSONValue) -> JSONValue {
        guard case .object(var merged) = base, case .object(let top) = overlay else { return overlay }
        for (key, value) in top {
            merged[key] = merged[key].map { apply(value, to: $0) } ?? value
        }
        return .object(merged)
    }

    /// A layer document holding one override, `{"api": {"timeout": 15000}}`.
    static func document(for override: Resolved, name: String) -> JSONDocument {
        var value = override.value
        for token in override.pointer.tokens.reversed() {
            value = .object(JSONObject(uniqueMembers: [(token, value)]))
        }
        return JSONDocument(value: value, file: name)
    }
}
