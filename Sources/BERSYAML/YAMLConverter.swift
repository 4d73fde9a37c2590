import BERSJSON
internal import Yams

/// Turns a composed Yams node tree into a ``JSONValue`` with positions in the preorder layout of
/// ``JSONDocument``, expanding merge keys and counting values against the alias-bomb limit.
struct YAMLConverter {
    /// One member of a mapping after merge keys are expanded.
    struct Member {
        var key: String
        var keyMark: Mark?
        var value: Node
    }

    let file: String
    let options: YAMLReader.Options
    /// Where ``YAMLReader`` inserted a marker into a key to get past Yams's duplicate check, so
    /// that columns after it can be shifted back.
    let insertions: [YAMLKeyMarker.Insertion]
    /// Whether ``YAMLAliasKeyGuard`` changed the text, so strings may need restoring.
    var aliasKeysNeutralized = false

    /// Values produced (and merge members visited) so far.
    private(set) var workDone = 0
    private(set) var valuePositions: [SourcePosition] = []
    private(set) var keyPositions: [SourcePosition] = []

    init(file: String, options: YAMLReader.Options, insertions: [YAMLKeyMarker.Insertion]) {
        self.file = file
        self.options = options
        self.insertions = insertions
    }

    /// Converts `node` (the root when `depth` is 0) and records its position.
    mutating func convert(_ node: Node, keyMark: Mark?, depth: Int) throws(JSONError) -> JSONValue {
        try countWork(at: node.mark)
        valuePositions.append(position(node.mark))
        keyPositions.append(position(keyMark))
        switch node {
        case .scalar(let scalar):
            return try convert(scalar)
        case .sequence(let sequence):
            try checkDepth(depth, at: sequence.mark)
            try checkCollectionTag(sequence.tag.rawValue, allowed: "tag:yaml.org,2002:seq", at: sequence.mark)
            var elements: [JSONValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                elements.append(try convert(element, keyMark: nil, depth: depth + 1))
            }
            return .array(elements)
        case .mapping(let mapping):
            try checkDepth(depth, at: mapping.mark)
            try checkCollectionTag(mapping.tag.rawValue, allowed: "tag:yaml.org,2002:map", at: mapping.mark)
            var members: [JSONObject.Member] = []
            for member in try expandedMembers(of: mapping) {
                members.append((member.key, try convert(member.value, keyMark: member.keyMark, depth: depth + 1)))
            }
            return .object(JSONObject(uniqueMembers: members))
        case .alias(let alias):
            // Yams resolves aliases while composing; an alias node here is unexpected.
            throw JSONError(
                .yaml,
                "unresolved alias *\(alias.anchor.rawValue)",
                location: location(alias.mark)
            )
        }
    }

    private func convert(_ scalar: Node.Scalar) throws(JSONError) -> JSONValue {
        let tag = scalar.tag.rawValue
        let isPlain = scalar.style == .plain || scalar.style == .any
        do {
            let text = aliasKeysNeutralized ? YAMLAliasKeyGuard.restoring(scalar.string) : scalar.string
            return try YAMLScalar.value(of: text, tag: tag.isEmpty ? nil : tag, isPlain: isPlain)
        } catch {
            throw JSONError(error.code, error.message, location: location(scalar.mark))
        }
    }

    // MARK: - Mappings and merge keys

    /// The members of `mapping` in output order: its own keys where they are written, and at a merge key (`<<`) the
    /// members of the merged mapping(s) that the mapping does not set itself; of several merged mappings, the earlier
    /// wins.
    ///
    /// Own keys must be unique.
    func expandedMembers(of mapping: Node.Mapping) throws(JSONError) -> [Member] {
        var work = 0
        return try expandedMembers(of: mapping, work: &work)
    }

    private func expandedMembers(of mapping: Node.Mapping, work: inout Int) throws(JSONError) -> [Member] {
        // Own keys first, to know which merged keys they override.
        var own: [String: Mark?] = [:]
        for (key, _) in mapping where !isMergeKey(key) {
            let name = try keyString(key)
            if let first = own.updateValue(key.mark, forKey: name) {
                throw duplicateKey(name, at: key.mark, firstAt: first)
            }
        }
        var members: [Member] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            guard isMergeKey(key) else {
                let name = try keyString(key)
                seen.insert(name)
                members.append(Member(key: name, keyMark: key.mark, value: value))
                continue
            }
            for merged in try mergedMappings(value, mergeKey: key) {
                for member in try expandedMembers(of: merged, work: &work) {
                    work += 1
                    if workDone + work > options.maxNodes { throw nodeLimit(at: key.mark) }
                    guard own[member.key] == nil, seen.insert(member.key).inserted else { continue }
                    members.append(member)
                }
            }
        }
        return members
    }

    /// The mappings a merge key's value names: one mapping, or a sequence of mappings.
    private func mergedMappings(_ value: Node, mergeKey: Node) throws(JSONError) -> [Node.Mapping] {
        switch value {
        case .mapping(let mapping):
            return [mapping]
        case .sequence(let sequence):
            var mappings: [Node.Mapping] = []
            for element in sequence {
                guard case .mapping(let mapping) = element else {
                    throw JSONError(
                        .yaml,
                        "a merge key '<<' takes a mapping or a list of mappings; this list holds a "
                            + kind(element),
                        location: location(element.mark ?? mergeKey.mark)
                    )
                }
                mappings.append(mapping)
            }
            return mappings
        default:
            throw JSONError(
                .yaml,
                "a merge key '<<' takes a mapping or a list of mappings, not a " + kind(value),
                location: location(value.mark ?? mergeKey.mark)
            )
        }
    }

    /// Whether `key` is the merge key: a plain `<<` without a tag (Yams resolves it to
    /// `tag:yaml.org,2002:merge`).
    private func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        let tag = scalar.tag.rawValue
        return scalar.string == "<<" && (tag == "tag:yaml.org,2002:merge" || (tag.isEmpty && scalar.style == .plain))
    }

    /// The text of a scalar key (without any marker ``YAMLReader`` put in it); other keys are
    /// errors, since JSON object keys are strings.
    private func keyString(_ key: Node) throws(JSONError) -> String {
        guard case .scalar(let scalar) = key else {
            throw JSONError(
                .yaml,
                "a \(kind(key)) cannot be a key: JSON object keys are strings",
                location: location(key.mark)
            )
        }
        let text = YAMLKeyMarker.removingMarker(from: scalar.string)
        guard aliasKeysNeutralized else { return text }
        if scalar.style == .plain, let name = YAMLAliasKeyGuard.aliasName(ofKey: text) {
            throw JSONError(
                .yaml,
                "an alias (*\(name)) cannot be a key: JSON object keys are strings written out",
                location: location(key.mark)
            )
        }
        return YAMLAliasKeyGuard.restoring(text)
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }

    // MARK: - Limits and errors

    private mutating func countWork(at mark: Mark?) throws(JSONError) {
        workDone += 1
        if workDone > options.maxNodes { throw nodeLimit(at: mark) }
    }

    private func nodeLimit(at mark: Mark?) -> JSONError {
        JSONError(
            .nodeLimit,
            "the document expands to more than \(options.maxNodes) values through aliases and merge keys",
            location: location(mark)
        )
    }

    private func checkDepth(_ depth: Int, at mark: Mark?) throws(JSONError) {
        guard depth < options.maxDepth else {
            throw JSONError(
                .depthLimit,
                "sequences and mappings nest deeper than the limit of \(options.maxDepth) levels",
                location: location(mark)
            )
        }
    }

    private func checkCollectionTag(_ tag: String, allowed: String, at mark: Mark?) throws(JSONError) {
        guard !tag.isEmpty, tag != "!", tag != allowed else { return }
        throw JSONError(
            .yaml,
            "unsupported tag \(YAMLScalar.displayTag(tag)); JSON cannot represent it",
            location: location(mark)
        )
    }

    private func duplicateKey(_ key: String, at mark: Mark?, firstAt first: Mark?) -> JSONError {
        let firstLocation = location(first)
        let firstText = firstLocation.map { " (first defined at \($0))" } ?? ""
        return JSONError(
            .duplicateKey,
            "duplicate key \(JSONValue.string(key).jsonText)\(firstText)",
            location: location(mark),
            relatedLocation: firstLocation
        )
    }

    // MARK: - Positions

    /// The position of a Yams mark (1-based line, column in Unicode scalars), with columns
    /// shifted back past any key marker inserted before them on the same line.
    func position(_ mark: Mark?) -> SourcePosition {
        guard let mark else { return .unknown }
        return position(line: mark.line, column: mark.column)
    }

    /// The position of 1-based `line` and `column` in the composed text.
    func position(line: Int, column: Int) -> SourcePosition {
        guard line > 0 else { return .unknown }
        var column = column
        for insertion in insertions.reversed() where insertion.line == line && column > insertion.column {
            column -= YAMLKeyMarker.length
        }
        return SourcePosition(line: UInt32(clamping: line), column: UInt32(clamping: max(column, 1)))
    }

    func location(_ mark: Mark?) -> SourceLocation? {
        SourceLocation(file: file, position: position(mark))
    }
}
