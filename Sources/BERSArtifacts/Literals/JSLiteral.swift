import BERSJSON

/// JavaScript source text for values.
///
/// Strings are JSON strings with every non-ASCII character escaped (so U+2028 and U+2029 are
/// safe in ES2018 targets too); numbers are written in their shortest ECMAScript form; objects
/// and arrays are deeply frozen. Integers beyond ±2^53 follow the chosen
/// ``LargeIntegerEncoding`` and are never written as plain numbers.
enum JSLiteral {
    /// A string literal.
    static func string(_ text: String) -> String {
        JSONSerializer(style: .compact, asciiOnly: true).string(.string(text))
    }

    /// A number literal for a double: the ECMAScript form (`0.1`, `1e+21`, `-0`).
    static func double(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        return JSONSerializer(style: .canonical).string(.double(value))
    }

    /// An integer literal, or its safe encoding.
    ///
    /// - Throws: ``BuildError`` `build.unrepresentable-value` for an integer beyond ±2^53 with the
    ///   `error` encoding, naming `path`.
    static func integer(_ value: Int64, encoding: LargeIntegerEncoding, path: String, format: String) throws(BuildError)
        -> String
    {
        guard !LargeIntegerEncoding.isSafe(value) else { return "\(value)" }
        switch encoding {
        case .string: return "\"\(value)\""
        case .bigint: return "\(value)n"
        case .error: throw unrepresentable(value, path: path, format: format)
        }
    }

    /// The error for an integer JavaScript cannot hold exactly.
    static func unrepresentable(_ value: Int64, path: String, format: String) -> BuildError {
        BuildError(
            .unrepresentableValue,
            "\(path.isEmpty ? "the value" : path) = \(value) is beyond ±2^53 and would not be exact as a JavaScript number; set \"large-integers\" to \"string\"\(format == "js" ? " or \"bigint\"" : "") in build.\(format), or make it a string"
        )
    }

    /// A value as a JavaScript expression: objects and arrays wrapped in `Object.freeze`.
    ///
    /// - Parameters:
    ///   - value: the value.
    ///   - encoding: how large integers are written.
    ///   - path: the value's dotted path, for errors.
    ///   - indent: the indentation of the line the value starts on.
    static func value(_ value: JSONValue, encoding: LargeIntegerEncoding, path: String, indent: String)
        throws(BuildError) -> String
    {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .integer(let integer): return try Self.integer(integer, encoding: encoding, path: path, format: "js")
        case .double(let double): return Self.double(double)
        case .string(let text): return string(text)
        case .array(let elements):
            if elements.isEmpty { return "Object.freeze([])" }
            var lines: [String] = []
            for (index, element) in elements.enumerated() {
                lines.append(
                    indent + "  "
                        + (try Self.value(
                            element,
                            encoding: encoding,
                            path: join(path, String(index)),
                            indent: indent + "  "
                        ))
                )
            }
            return "Object.freeze([\n" + lines.joined(separator: ",\n") + "\n\(indent)])"
        case .object(let object):
            if object.isEmpty { return "Object.freeze({})" }
            var lines: [String] = []
            for (key, member) in object {
                let text = try Self.value(member, encoding: encoding, path: join(path, key), indent: indent + "  ")
                lines.append("\(indent)  \(JSIdentifier.propertyKey(key)): \(text)")
            }
            return "Object.freeze({\n" + lines.joined(separator: ",\n") + "\n\(indent)})"
        }
    }

    /// The value as JSON text (for esbuild defines), large integers per `encoding`.
    static func json(_ value: JSONValue, encoding: LargeIntegerEncoding, path: String) throws(BuildError) -> String {
        try JSLiteral.checkIntegers(in: value, encoding: encoding, path: path)
        return JSONSerializer(style: .compact).string(encoding == .string ? stringifyingLargeIntegers(value) : value)
    }

    private static func checkIntegers(in value: JSONValue, encoding: LargeIntegerEncoding, path: String)
        throws(BuildError)
    {
        switch value {
        case .integer(let integer) where !LargeIntegerEncoding.isSafe(integer) && encoding == .error:
            throw unrepresentable(integer, path: path, format: "esbuild-define")
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                try checkIntegers(in: element, encoding: encoding, path: join(path, String(index)))
            }
        case .object(let object):
            for (key, member) in object { try checkIntegers(in: member, encoding: encoding, path: join(path, key)) }
        default: break
        }
    }

    private static func stringifyingLargeIntegers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .integer(let integer) where !LargeIntegerEncoding.isSafe(integer): return .string("\(integer)")
        case .array(let elements): return .array(elements.map(stringifyingLargeIntegers))
        case .object(let object):
            return .object(JSONObject(uniqueMembers: object.map { ($0.key, stringifyingLargeIntegers($0.value)) }))
        default: return value
        }
    }

    static func join(_ path: String, _ token: String) -> String { path.isEmpty ? token : "\(path).\(token)" }
}
