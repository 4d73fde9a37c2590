import BERSJSON

/// Receives what an evaluation finds.
///
/// The evaluator is generic over it, so the flag path (``FlagSink``) compiles to code that records nothing and stops at
/// the first failure, while ``FailureCollector`` tracks locations and records every failure.
protocol EvaluationSink {
    /// Whether failures are recorded; when `false`, evaluation stops at the first failure.
    static var collects: Bool { get }
    /// Enters the subschema under `keyword` (and under `argument`: a property name or an index).
    mutating func pushKeyword(_ keyword: String, argument: String?)
    mutating func popKeyword(argument: Bool)
    mutating func pushInstance(_ token: String)
    mutating func popInstance()
    /// Records a failure of `keyword` (empty for the schema itself) of node `node`.
    mutating func record(node: NodeID, keyword: String, message: String, property: String?)
    /// The number of failures recorded so far.
    var mark: Int { get }
    /// Forgets the failures recorded since `mark` (a passing `anyOf` branch, the `if` schema).
    mutating func discard(from mark: Int)
    /// Replaces the failures recorded since `mark` by one failure that carries them as causes.
    mutating func wrap(from mark: Int, node: NodeID, keyword: String, message: String)
}

/// The sink of ``SchemaValidator/isValid(_:)``: records nothing.
struct FlagSink: EvaluationSink {
    static var collects: Bool { false }
    @inline(__always) mutating func pushKeyword(_ keyword: String, argument: String?) {}
    @inline(__always) mutating func popKeyword(argument: Bool) {}
    @inline(__always) mutating func pushInstance(_ token: String) {}
    @inline(__always) mutating func popInstance() {}
    @inline(__always) mutating func record(node: NodeID, keyword: String, message: String, property: String?) {}
    @inline(__always) var mark: Int { 0 }
    @inline(__always) mutating func discard(from mark: Int) {}
    @inline(__always) mutating func wrap(from mark: Int, node: NodeID, keyword: String, message: String) {}
}

/// The sink of ``SchemaValidator/validate(_:)``: keeps the evaluation path and the instance path,
/// and records a ``ValidationFailure`` for each failed assertion.
struct FailureCollector: EvaluationSink {
    static var collects: Bool { true }
    let schema: CompiledSchema
    var keywordPath: [String] = []
    /// The keyword of each subschema entered (the last one applied the current schema).
    var keywords: [String] = []
    var instancePath: [String] = []
    var failures: [ValidationFailure] = []

    init(schema: CompiledSchema) {
        self.schema = schema
    }

    mutating func pushKeyword(_ keyword: String, argument: String?) {
        keywordPath.append(keyword)
        if let argument { keywordPath.append(argument) }
        keywords.append(keyword)
    }

    mutating func popKeyword(argument: Bool) {
        keywordPath.removeLast(argument ? 2 : 1)
        keywords.removeLast()
    }
    mutating func pushInstance(_ token: String) { instancePath.append(token) }
    mutating func popInstance() { instancePath.removeLast() }

    mutating func record(node: NodeID, keyword: String, message: String, property: String?) {
        failures.append(makeFailure(node: node, keyword: keyword, message: message, property: property))
    }

    var mark: Int { failures.count }

    mutating func discard(from mark: Int) {
        if failures.count > mark { failures.removeSubrange(mark...) }
    }

    mutating func wrap(from mark: Int, node: NodeID, keyword: String, message: String) {
        var failure = makeFailure(node: node, keyword: keyword, message: message, property: nil)
        failure.causes = Array(failures[mark...])
        discard(from: mark)
        failures.append(failure)
    }

    private func makeFailure(node: NodeID, keyword: String, message: String, property: String?) -> ValidationFailure {
        var tokens = keywordPath
        if !keyword.isEmpty { tokens.append(keyword) }
        let schemaNode = schema.nodes[Int(node)]
        var absolute: String?
        if schema.resources.indices.contains(Int(schemaNode.resource)),
            schema.resources[Int(schemaNode.resource)].hasAbsoluteURI
        {
            let base = schema.absoluteLocation(of: node)
            absolute = keyword.isEmpty ? base : base + "/" + JSONPointer.escape(keyword)
        }
        return ValidationFailure(
            instanceLocation: JSONPointer(tokens: instancePath),
            keywordLocation: JSONPointer(tokens: tokens),
            absoluteKeywordLocation: absolute,
            keyword: keyword.isEmpty ? (keywords.last ?? "") : keyword,
            message: message,
            property: property
        )
    }
}
