import BERSJSON

/// A schema compiled to flat arrays: nodes, their keywords, and side tables the keywords index.
///
/// Built once by ``SchemaCompiler`` and never changed, so it is shared freely between tasks.
/// A final class so that every ``SchemaValidator`` copy shares one set of arrays. Everything the
/// validation of a valid instance reads is trivially copyable (indices, spans, fingerprints), so
/// the hot path does no reference counting on the schema side; strings and JSON values are only
/// read to build messages.
final class CompiledSchema: Sendable {
    /// The arrays the compiler fills.
    struct Tables: Sendable {
        var nodes: [SchemaNode] = []
        var keywords: [Keyword] = []
        /// The spelling of each keyword in ``keywords`` (for error locations), same indices.
        var keywordNames: [String] = []
        /// Child lists of `allOf`, `anyOf`, `oneOf`, `prefixItems`.
        var nodeLists: [NodeID] = []
        var objectTables: [ObjectTable] = []
        var nameEntries: [NameEntry] = []
        /// The text of each name entry, same indices (messages only).
        var names: [String] = []
        var nameSlots: [Int32] = []
        /// The UTF-8 bytes of each `^literal` pattern's literal.
        var literalPrefixes: [[UInt8]] = []
        /// The UTF-8 bytes of every name entry.
        var nameBytes: [UInt8] = []
        var patternEntries: [ObjectTable.PatternEntry] = []
        var requiredNames: [String] = []
        var arrayItems: [ArrayItems] = []
        var containsRules: [ContainsRule] = []
        var patterns: [CompiledPattern] = []
        var patternPlans: [PatternPlan] = []
        var formats: [FormatRule] = []
        var enums: [EnumSet] = []
        var constants: [JSONValue] = []
        var dependentRequired: [[(name: String, required: [String])]] = []
        var dependentSchemas: [[(name: String, node: NodeID)]] = []
        var dynamicRefs: [DynamicReference] = []
        var resources: [ResourceInfo] = []
        /// Where each node came from (for absolute locations in output).
        var nodeSites: [NodeSite] = []
        /// The paths ``nodeSites`` refer to.
        var paths = PathTable()
        /// The retrieval URI of each document the schema spans.
        var documentURIs: [String] = []
    }

    let nodes: [SchemaNode]
    let keywords: [Keyword]
    let keywordNames: [String]
    let nodeLists: [NodeID]
    let objectTables: [ObjectTable]
    let nameEntries: [NameEntry]
    let names: [String]
    let nameSlots: [Int32]
    let literalPrefixes: [[UInt8]]
    let nameBytes: [UInt8]
    let patternEntries: [ObjectTable.PatternEntry]
    let requiredNames: [String]
    let arrayItems: [ArrayItems]
    let containsRules: [ContainsRule]
    let patterns: [CompiledPattern]
    let patternPlans: [PatternPlan]
    let formats: [FormatRule]
    let enums: [EnumSet]
    let constants: [JSONValue]
    let dependentRequired: [[(name: String, required: [String])]]
    let dependentSchemas: [[(name: String, node: NodeID)]]
    let dynamicRefs: [DynamicReference]
    let resources: [ResourceInfo]
    let nodeSites: [NodeSite]
    let paths: PathTable
    let documentURIs: [String]
    /// The node validation starts at.
    let root: NodeID
    /// Whether any keyword needs the dynamic scope (`$dynamicRef`, `$recursiveRef`).
    let usesDynamicScope: Bool
    let maxDepth: Int
    /// The dialect of the root schema.
    let dialect: Dialect

    init(tables: Tables, root: NodeID, usesDynamicScope: Bool, maxDepth: Int, dialect: Dialect) {
        nodes = tables.nodes
        keywords = tables.keywords
        keywordNames = tables.keywordNames
        nodeLists = tables.nodeLists
        objectTables = tables.objectTables
        nameEntries = tables.nameEntries
        names = tables.names
        nameSlots = tables.nameSlots
        literalPrefixes = tables.literalPrefixes
        nameBytes = tables.nameBytes
        patternEntries = tables.patternEntries
        requiredNames = tables.requiredNames
        arrayItems = tables.arrayItems
        containsRules = tables.containsRules
        patterns = tables.patterns
        patternPlans = tables.patternPlans
        formats = tables.formats
        enums = tables.enums
        constants = tables.constants
        dependentRequired = tables.dependentRequired
        dependentSchemas = tables.dependentSchemas
        dynamicRefs = tables.dynamicRefs
        resources = tables.resources
        nodeSites = tables.nodeSites
        paths = tables.paths
        documentURIs = tables.documentURIs
        self.root = root
        self.usesDynamicScope = usesDynamicScope
        self.maxDepth = maxDepth
        self.dialect = dialect
    }
}

extension CompiledSchema {
    /// The absolute location of node `id`: `https://example.com/s.json#/properties/a`, relative to its schema resource.
    ///
    /// Built on demand (failures only).
    func absoluteLocation(of id: NodeID) -> String {
        let site = nodeSites[Int(id)]
        if resources.indices.contains(Int(site.resource)) {
            let resource = resources[Int(site.resource)]
            if resource.document == site.document, let tokens = paths.tokens(of: site.path, below: resource.rootPath) {
                return resource.uri + "#" + JSONPointer(tokens: tokens).description
            }
        }
        return documentURIs[Int(site.document)] + "#" + paths.pointer(site.path).description
    }
}

extension CompiledSchema {
    /// Whether `string` starts with literal prefix `index` (a `^literal` pattern), byte by byte.
    @inline(__always)
    func hasLiteralPrefix(_ string: String, _ index: Int) -> Bool {
        literalPrefixes[index]
            .withUnsafeBufferPointer { prefix in
                if let result = string.utf8.withContiguousStorageIfAvailable({ bytes in
                    bytes.count >= prefix.count
                        && JSONEquality.bytesEqual(UnsafeBufferPointer(rebasing: bytes[..<prefix.count]), prefix)
                }) {
                    return result
                }
                return string.utf8.starts(with: prefix)
            }
    }
}
