public import BERSJSON

/// Schema documents that `$ref` may name by absolute URI, filled by the caller.
///
/// The validator never reads files or the network: a reference to a URI outside the schema being
/// compiled is looked up here. The official metaschemas of every supported dialect (and the
/// 2019-09 and 2020-12 vocabulary metaschemas) are always present, embedded in the library.
///
/// ```swift
/// var registry = SchemaRegistry()
/// registry.register(try JSONValue(parsing: commonText), at: "https://example.com/common.json")
/// let validator = try SchemaValidator(schema: schema, options: ValidatorOptions(registry: registry))
/// ```
public struct SchemaRegistry: Sendable {
    private var documents: [String: JSONValue]

    /// A registry holding only the embedded metaschemas.
    public init() {
        documents = [:]
    }

    /// A registry holding these documents, keyed by absolute URI.
    public init(_ documents: [String: JSONValue]) {
        self.init()
        for (uri, document) in documents { register(document, at: uri) }
    }

    /// Adds `document` under `uri`, replacing any document registered there before.
    ///
    /// A document without `$schema` takes the dialect of the schema that references it; a document
    /// with an `$id` can also be reached by that identifier once it has been loaded through `uri`.
    ///
    /// - Parameters:
    ///   - document: the schema document.
    ///   - uri: the absolute URI it is retrieved by, such as `http://localhost:1234/integer.json`.
    ///     An empty fragment (`…/schema#`) is ignored.
    public mutating func register(_ document: JSONValue, at uri: String) {
        documents[SchemaRegistry.key(uri)] = document
    }

    /// The document registered under `uri` (fragment ignored), or the embedded metaschema with
    /// that URI, or `nil`.
    public func document(at uri: String) -> JSONValue? {
        let key = SchemaRegistry.key(uri)
        return documents[key] ?? EmbeddedMetaschemas.documents[key]
    }

    /// The URIs registered by the caller, sorted (the embedded metaschemas are not listed).
    public var registeredURIs: [String] { documents.keys.sorted() }

    /// The URIs of the embedded metaschemas, sorted.
    public static var metaschemaURIs: [String] { EmbeddedMetaschemas.documents.keys.sorted() }

    /// The normalised form under which a URI is stored: scheme and host lower-cased, fragment
    /// and dot segments removed.
    static func key(_ uri: String) -> String {
        URIReference(parsing: uri).withoutFragment.resolved(against: URIReference(parsing: uri)).description
    }
}
