import BERS
import BERSJSON

/// Writes the methods of the JavaScript module, one per ``FunctionSpec``.
struct JSFunctionWriter {
    let input: BuildInput
    let largeIntegers: LargeIntegerEncoding

    /// The method's source, indented two spaces, without the trailing comma.
    func method(_ function: FunctionSpec) throws(BuildError) -> String {
        let key = JSIdentifier.propertyKey(function.name)
        switch function.kind {
        case .constant(let spec):
            let value = try literal(spec.evaluate(in: input), path: function.name, indent: "    ")
            return "  \(key)() {\n    return \(value);\n  }"
        case .environmentIs(let names):
            let matches = names.contains { input.lineage.contains($0) }
            return "  \(key)() {\n    return \(matches);\n  }"
        case .buildInfo(let fields):
            let object = try objectLiteral(fields, indent: "    ", path: function.name)
            return "  \(key)() {\n    return Object.freeze(\(object));\n  }"
        case .requestConfig(let fields, let headers, let abortSignal):
            return try requestConfig(
                key: key,
                function: function,
                fields: fields,
                headers: headers,
                abortSignal: abortSignal
            )
        case .url(let endpointName, let arguments, let message):
            return try urlBuilder(
                key: key,
                function: function,
                endpointName: endpointName,
                arguments: arguments,
                message: message
            )
        }
    }

    private func urlBuilder(
        key: String,
        function: FunctionSpec,
        endpointName: String,
        arguments: [FunctionSpec.Argument],
        message: String?
    ) throws(BuildError) -> String {
        guard let endpoint = input.endpoints.endpoint(endpointName) else {
            let known = input.endpoints.endpoints.map(\.name).joined(separator: ", ")
            throw BuildError(
                .missingValue,
                "function \(function.name): no endpoint named \"\(endpointName)\" (endpoints: \(known))",
                location: function.location
            )
        }
        let plan = try URLPlan(endpoint: endpoint)
        var variable: [String: String] = [:]
        for (index, argument) in arguments.enumerated() {
            guard plan.parameters.contains(argument.parameter) else {
                throw BuildError(
                    .missingValue,
                    "function \(function.name): argument \(argument.name) fills \"\(argument.parameter)\", which endpoint \"\(endpointName)\" does not take (it takes: \(plan.parameters.isEmpty ? "none" : plan.parameters.joined(separator: ", ")))",
                    location: function.location
                )
            }
            guard variable[argument.parameter] == nil else {
                throw BuildError(
                    .invalidSettings,
                    "function \(function.name): two arguments fill \"\(argument.parameter)\"",
                    location: function.location
                )
            }
            variable[argument.parameter] = "v\(index)"
        }
        for parameter in plan.required where variable[parameter] == nil {
            throw BuildError(
                .missingValue,
                "function \(function.name): endpoint \"\(endpointName)\" needs \"\(parameter)\"; declare an argument for it",
                location: function.location
            )
        }
        func text(_ template: String, _ argument: String) -> String {
            template.replacing("{function}", with: function.name).replacing("{argument}", with: argument)
        }
        var lines: [String] = []
        for (index, argument) in arguments.enumerated() {
            if plan.required.contains(argument.parameter) {
                let error = text(message ?? "{function}: {argument} is required", argument.name)
                lines.append("const v\(index) = requiredArgument(\(argument.name), \(JSLiteral.string(error)));")
            } else {
                lines.append("const v\(index) = optionalArgument(\(argument.name));")
            }
            if plan.subPathParameters.contains(argument.parameter) {
                let error = "\(function.name): \(argument.name) must not contain '..' segments"
                lines.append("checkSubPath(v\(index), \(JSLiteral.string(error)));")
            }
        }
        func pieces(_ list: [URLPlan.Piece]) -> String {
            "["
                + list.map { piece in
                    switch piece {
                    case .text(let text): JSLiteral.string(text)
                    case .slot(let parameter, let keepSlashes):
                        "[\(variable[parameter] ?? "undefined"), \(keepSlashes)]"
                    }
                }
                .joined(separator: ", ") + "]"
        }
        let query = "[" + plan.query.map(pieces).joined(separator: ", ") + "]"
        lines.append(
            "return renderURL(\(pieces(plan.path)), \(query), \(plan.fragment.map(pieces) ?? "null"), \(plan.collapsesPath));"
        )
        let parameters = arguments.map(\.name).joined(separator: ", ")
        return "  \(key)(\(parameters)) {\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n  }"
    }

    private func requestConfig(
        key: String,
        function: FunctionSpec,
        fields: [NamedValue],
        headers: [NamedValue],
        abortSignal: String?
    ) throws(BuildError) -> String {
        let base = try objectLiteral(fields, indent: "    ", path: function.name)
        let headerObject = try objectLiteral(headers, indent: "    ", path: "\(function.name).headers")
        var lines = [
            "const given = options !== null && typeof options === \"object\" ? options : {};",
            "const result = Object.assign(\(base), given);",
            "result.headers = Object.assign(\(headerObject), given.headers);",
        ]
        if let abortSignal {
            let field =
                JSIdentifier.isIdentifierShaped(abortSignal) ? ".\(abortSignal)" : "[\(JSLiteral.string(abortSignal))]"
            lines.append(
                "if (result.signal === undefined && typeof AbortSignal !== \"undefined\" && typeof AbortSignal.timeout === \"function\") result.signal = AbortSignal.timeout(result\(field));"
            )
        }
        lines.append("return result;")
        return "  \(key)(options = {}) {\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n  }"
    }

    /// A fresh (unfrozen) object literal of `fields`, values frozen where they are containers.
    private func objectLiteral(_ fields: [NamedValue], indent: String, path: String) throws(BuildError) -> String {
        if fields.isEmpty { return "{}" }
        var members: [String] = []
        for field in fields {
            let value = try literal(
                field.spec.evaluate(in: input),
                path: "\(path).\(field.name)",
                indent: indent + "  "
            )
            members.append("\(indent)  \(JSIdentifier.propertyKey(field.name)): \(value)")
        }
        return "{\n" + members.joined(separator: ",\n") + "\n\(indent)}"
    }

    private func literal(_ value: JSONValue, path: String, indent: String) throws(BuildError) -> String {
        try JSLiteral.value(value, encoding: largeIntegers, path: path, indent: indent)
    }
}
