import BERSJSON

/// A schema compiled to flat arrays: nodes, their keywords, and side tables the keywords index.
///
/// Built once by ``SchemaCompiler`` and never changed, so it is shared freely between tasks.
/// A final class so that every ``SchemaValidator`` copy shares one set of arrays.
final class CompiledSchema: Sendable {
    let nodes: [SchemaNode]
    let keywords: [Keyword]
    /// The spelling of each keyword in ``keywords`` (for error locations), same indices.
    let keywordNames: [String]
    /// Child lists of `allOf`, `anyOf`, `oneOf`, `prefixItems`.
    let nodeLists: [NodeID]
    let objectTables: [ObjectTable]
    let arrayItems: [ArrayItems]
    let containsRules: [ContainsRule]
    let patterns: [CompiledPattern]
    let formats: [FormatRule]
    let enums: [EnumSet]
    let constants: [JSONValue]
    let dependentRequired: [[(name: String, required: [String])]]
    let dependentSchemas: [[(name: String, node: NodeID)]]
    let dynamicRefs: [DynamicReference]
    let resources: [ResourceInfo]
    /// The absolute location of each node (`https://example.com/s.json#/properties/a`), for output.
    let nodeLocations: [String]
    /// The node validation starts at.
    let root: NodeID
    /// Whether any keyword needs the dynamic scope (`$dynamicRef`, `$recursiveRef`).
    let usesDynamicScope: Bool
    let maxDepth: Int
    /// The dialect of the root schema.
    let dialect: Dialect

    init(
        nodes: [SchemaNode], keywords: [Keyword], keywordNames: [String], nodeLists: [NodeID],
        objectTables: [ObjectTable], arrayItems: [ArrayItems], containsRules: [ContainsRule],
        patterns: [CompiledPattern], formats: [FormatRule], enums: [EnumSet], constants: [JSONValue],
        dependentRequired: [[(name: String, required: [String])]],
        dependentSchemas: [[(name: String, node: NodeID)]], dynamicRefs: [DynamicReference],
        resources: [ResourceInfo], nodeLocations: [String], root: NodeID, usesDynamicScope: Bool,
        maxDepth: Int, dialect: Dialect
    ) {
        self.nodes = nodes
        self.keywords = keywords
        self.keywordNames = keywordNames
        self.nodeLists = nodeLists
        self.objectTables = objectTables
        self.arrayItems = arrayItems
        self.containsRules = containsRules
        self.patterns = patterns
        self.formats = formats
        self.enums = enums
        self.constants = constants
        self.dependentRequired = dependentRequired
        self.dependentSchemas = dependentSchemas
        self.dynamicRefs = dynamicRefs
        self.resources = resources
        self.nodeLocations = nodeLocations
        self.root = root
        self.usesDynamicScope = usesDynamicScope
        self.maxDepth = maxDepth
        self.dialect = dialect
    }
}
