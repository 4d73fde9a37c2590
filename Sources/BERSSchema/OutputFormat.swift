public import BERSJSON

/// The output formats of the JSON Schema specification (2020-12, section 12.4).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// `{"valid": false}`.
    case flag
    /// `{"valid": false, "errors": [unit, ...]}`: one flat list of output units, each with
    /// `keywordLocation`, `absoluteKeywordLocation` (when known), `instanceLocation` and `error`.
    case basic
    /// Units nested by the schema's structure, a unit with a single child condensed into it.
    case detailed
}

extension ValidationResult {
    /// The result in the specification's output format `format`, as JSON.
    ///
    /// ```swift
    /// print(result.output(.basic).jsonText(.pretty))
    /// ```
    ///
    /// - Parameter format: ``OutputFormat/flag``, ``OutputFormat/basic`` or ``OutputFormat/detailed``.
    /// - Returns: the output unit.
    public func output(_ format: OutputFormat) -> JSONValue {
        switch format {
        case .flag:
            return ["valid": .bool(isValid)]
        case .basic:
            guard !isValid else { return ["valid": true] }
            var units: [JSONValue] = []
            func add(_ failure: ValidationFailure) {
                units.append(.object(ValidationResult.unit(for: failure)))
                failure.causes.forEach(add)
            }
            failures.forEach(add)
            return ["valid": false, "errors": .array(units)]
        case .detailed:
            guard !isValid else { return ["valid": true, "keywordLocation": "", "instanceLocation": ""] }
            var root = OutputTrie()
            for failure in failures { root.insert(failure, path: failure.keywordLocation.tokens[...]) }
            let units = root.units(prefix: [])
            if units.count == 1, let only = units.first { return only }
            var object: JSONObject = ["valid": false, "keywordLocation": "", "instanceLocation": ""]
            object["errors"] = .array(units)
            return .object(object)
        }
    }

    /// The output unit of one failure, without causes.
    static func unit(for failure: ValidationFailure) -> JSONObject {
        var unit: JSONObject = ["valid": false, "keywordLocation": .string(failure.keywordLocation.description)]
        if let absolute = failure.absoluteKeywordLocation { unit["absoluteKeywordLocation"] = .string(absolute) }
        unit["instanceLocation"] = .string(failure.instanceLocation.description)
        unit["error"] = .string(failure.message)
        return unit
    }
}

/// Failures arranged by keyword location, to build the detailed output.
private struct OutputTrie {
    var failures: [ValidationFailure] = []
    var children: [(String, OutputTrie)] = []

    mutating func insert(_ failure: ValidationFailure, path: ArraySlice<String>) {
        guard let first = path.first else {
            failures.append(failure)
            return
        }
        if let index = children.firstIndex(where: { $0.0 == first }) {
            children[index].1.insert(failure, path: path.dropFirst())
        } else {
            var child = OutputTrie()
            child.insert(failure, path: path.dropFirst())
            children.append((first, child))
        }
    }

    /// The units of this subtree; several units under one keyword path are grouped in a unit.
    func units(prefix: [String]) -> [JSONValue] {
        var units: [JSONValue] = []
        for failure in failures {
            var unit = ValidationResult.unit(for: failure)
            if !failure.causes.isEmpty {
                var nested = OutputTrie()
                for cause in failure.causes { nested.insert(cause, path: cause.keywordLocation.tokens[...]) }
                unit["errors"] = .array(nested.units(prefix: []))
            }
            units.append(.object(unit))
        }
        for (token, child) in children {
            units += child.units(prefix: prefix + [token])
        }
        guard units.count > 1, !prefix.isEmpty else { return units }
        let instanceLocations = units.compactMap { $0["instanceLocation"]?.stringValue }
        var group: JSONObject = [
            "valid": false,
            "keywordLocation": .string(JSONPointer(tokens: prefix).description),
            "instanceLocation": .string(OutputTrie.commonPrefix(instanceLocations)),
        ]
        group["errors"] = .array(units)
        return [.object(group)]
    }

    /// The longest pointer all `pointers` start with.
    static func commonPrefix(_ pointers: [String]) -> String {
        let tokenLists = pointers.map { (try? JSONPointer(parsing: $0))?.tokens ?? [] }
        guard var common = tokenLists.first else { return "" }
        for tokens in tokenLists.dropFirst() {
            common = Array(zip(common, tokens).prefix { $0.0 == $0.1 }.map(\.0))
        }
        return JSONPointer(tokens: common).description
    }
}
