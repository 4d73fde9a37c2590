import BERSJSON

/// A place in one of the loaded documents: the document's index and a JSON pointer into it.
struct SchemaLocation: Hashable, Sendable {
    var document: Int
    /// A path in ``SchemaCompiler/paths``.
    var path: Int32
}

/// Turns a schema document (and the documents it references) into a ``CompiledSchema``.
///
/// Compilation runs in three steps, none of them recursive, so a schema nested 10 000 levels
/// deep cannot exhaust the stack:
/// 1. *scan* each loaded document: find resources (`$id`), anchors and dialects
///    (`SchemaCompiler+Scanning.swift`);
/// 2. *compile* schemas from a work list, starting at the root: each schema becomes a
///    ``SchemaNode`` whose keywords refer to other nodes by index, references included
///    (`SchemaCompiler+Keywords.swift`); a reference to another document loads it from the
///    registry and scans it;
/// 3. *freeze* everything into flat arrays.
struct SchemaCompiler {
    /// A document taking part in the compilation (the root is document 0).
    struct LoadedDocument {
        var root: JSONValue
        var uri: String
    }

    /// What the scan learnt about a schema location.
    struct ScanRecord {
        var base: String
        var rules: DialectRules
        var resource: Int32
    }

    /// A schema resource found by the scan.
    struct ResourceRecord {
        var uri: String
        var location: SchemaLocation
        var dynamicAnchors: [String: SchemaLocation] = [:]
        var recursiveAnchor = false
        var hasAbsoluteURI: Bool
    }

    /// The base URI of a schema that has none of its own (hierarchical, so relative references
    /// still resolve among themselves).
    static let defaultBaseURI = "json-schema:///"

    let options: ValidatorOptions
    var documents: [LoadedDocument] = []
    var resources: [ResourceRecord] = []
    /// Canonical URIs (resources, `uri#anchor`) to locations.
    var uriIndex: [String: SchemaLocation] = [:]
    var scanned: [SchemaLocation: ScanRecord] = [:]
    /// The value at each scanned location (so compiling does not walk pointers again).
    var values: [SchemaLocation: JSONValue] = [:]
    var dialectCache: [String: DialectRules] = [:]
    /// Whether every registry document has been loaded (done once, when a URI is not found).
    var loadedWholeRegistry = false

    // Output being built.
    var memo: [SchemaLocation: NodeID] = [:]
    var worklist: [(NodeID, SchemaLocation)] = []
    var tables = CompiledSchema.Tables()
    var patternCache: [String: Int32] = [:]
    var usesDynamicScope = false

    init(options: ValidatorOptions) {
        self.options = options
    }

    /// Compiles `schema` and everything it references.
    mutating func compile(_ schema: JSONValue) throws(SchemaError) -> CompiledSchema {
        guard options.maxDepth > 0 else {
            throw SchemaError(.invalidOptions, "maxDepth must be positive, not \(options.maxDepth)")
        }
        var base = SchemaCompiler.defaultBaseURI
        if let given = options.baseURI {
            guard URIReference(parsing: given).isAbsolute else {
                throw SchemaError(.invalidOptions, "the base URI \"\(given)\" is not an absolute URI")
            }
            base = URIReference(parsing: given).withoutFragment.description
        }
        let rootDocument = try loadDocument(schema, uri: base, rules: DialectRules(options.defaultDialect))
        let root = node(for: SchemaLocation(document: rootDocument, path: PathTable.root))
        try drainWorklist()
        try checkInPlaceCycles()
        return freeze(root: root)
    }

    /// The node compiled for `location`, allocated (and queued for compilation) on first request.
    mutating func node(for location: SchemaLocation) -> NodeID {
        if let existing = memo[location] { return existing }
        let id = NodeID(tables.nodes.count)
        tables.nodes.append(.boolean(true, resource: 0))
        tables.nodeSites.append(NodeSite(document: Int32(location.document), path: location.path, resource: 0))
        memo[location] = id
        worklist.append((id, location))
        return id
    }

    private mutating func drainWorklist() throws(SchemaError) {
        while true {
            while let (id, location) = worklist.popLast() {
                try compileNode(id, at: location)
            }
            // Resources entered at run time may be searched for dynamic anchors: compile those.
            guard usesDynamicScope else { return }
            let used = Set(tables.nodes.map(\.resource))
            for resource in used {
                let record = resources[Int(resource)]
                for (_, location) in record.dynamicAnchors { _ = node(for: location) }
                if record.recursiveAnchor { _ = node(for: record.location) }
            }
            if worklist.isEmpty { return }
        }
    }

    private mutating func freeze(root: NodeID) -> CompiledSchema {
        tables.resources = resources.map { record in
            ResourceInfo(
                uri: record.uri,
                root: memo[record.location] ?? -1,
                dynamicAnchors: record.dynamicAnchors.compactMapValues { memo[$0] },
                recursiveAnchor: record.recursiveAnchor,
                hasAbsoluteURI: record.hasAbsoluteURI,
                document: Int32(record.location.document),
                rootPath: record.location.path
            )
        }
        tables.documentURIs = documents.map(\.uri)
        let rootDialect = scanned[SchemaLocation(document: 0, path: PathTable.root)]?.rules.dialect
        return CompiledSchema(
            tables: tables,
            root: root,
            usesDynamicScope: usesDynamicScope,
            maxDepth: options.maxDepth,
            dialect: rootDialect ?? options.defaultDialect
        )
    }

    // MARK: - Locations

    /// `location` followed by `token`.
    mutating func child(_ location: SchemaLocation, _ token: String) -> SchemaLocation {
        SchemaLocation(document: location.document, path: tables.paths.child(of: location.path, token))
    }

    /// `location` followed by two tokens.
    mutating func child(_ location: SchemaLocation, _ first: String, _ second: String) -> SchemaLocation {
        child(child(location, first), second)
    }

    /// The value at `location`, if the pointer leads somewhere.
    func value(at location: SchemaLocation) -> JSONValue? {
        if let known = values[location] { return known }
        return documents[location.document].root[pointer: tables.paths.pointer(location.path)]
    }

    /// The scan record of `location`, or of its nearest scanned ancestor (a location reached by a
    /// JSON pointer into an unknown keyword was not scanned).
    func scanRecord(for location: SchemaLocation) -> ScanRecord {
        var probe = location
        while true {
            if let record = scanned[probe] { return record }
            guard let parent = tables.paths.parent(of: probe.path) else { break }
            probe.path = parent
        }
        return ScanRecord(
            base: documents[location.document].uri,
            rules: DialectRules(options.defaultDialect),
            resource: 0
        )
    }

    /// The tokens of `location`, plus `keyword` when given.
    func tokens(of location: SchemaLocation, keyword: String? = nil) -> [String] {
        var tokens = tables.paths.tokens(of: location.path)
        if let keyword { tokens.append(keyword) }
        return tokens
    }

    /// `uri#/pointer` for `location` (and `keyword` below it), relative to its resource.
    func absoluteURI(of location: SchemaLocation, resource: Int32, keyword: String? = nil) -> String {
        var suffix: [String] = keyword.map { [$0] } ?? []
        if resources.indices.contains(Int(resource)) {
            let record = resources[Int(resource)]
            if record.location.document == location.document,
                let relative = tables.paths.tokens(of: location.path, below: record.location.path)
            {
                suffix = relative + suffix
                return record.uri + "#" + JSONPointer(tokens: suffix).description
            }
        }
        return documents[location.document].uri + "#" + JSONPointer(tokens: tokens(of: location) + suffix).description
    }

    /// An error about the keyword `keyword` of the schema at `location`.
    func keywordError(
        _ code: SchemaError.Code,
        _ message: String,
        at location: SchemaLocation,
        keyword: String? = nil,
        underlying: (any Error & Sendable)? = nil
    ) -> SchemaError {
        let record = scanRecord(for: location)
        let pointer = location.document == 0 ? JSONPointer(tokens: tokens(of: location, keyword: keyword)) : nil
        return SchemaError(
            code,
            message,
            pointer: pointer,
            schemaURI: absoluteURI(of: location, resource: record.resource, keyword: keyword),
            underlying: underlying
        )
    }

    /// The absolute location of compiled node `id`, for messages.
    func absoluteURI(ofNode id: NodeID) -> String {
        let site = tables.nodeSites[Int(id)]
        return absoluteURI(of: SchemaLocation(document: Int(site.document), path: site.path), resource: site.resource)
    }
}
