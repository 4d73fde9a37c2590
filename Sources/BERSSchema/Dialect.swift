/// A JSON Schema dialect: the draft whose keywords and rules a schema follows.
///
/// A schema names its dialect with `$schema`; ``ValidatorOptions/defaultDialect`` applies when it
/// does not.
///
/// ```swift
/// Dialect(uri: "http://json-schema.org/draft-07/schema#")   // .draft7
/// Dialect(name: "2020-12")                                  // .draft2020_12
/// Dialect.draft2019_09.uri                                  // "https://json-schema.org/draft/2019-09/schema"
/// ```
public enum Dialect: Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// Draft 4 (2013): `id`, boolean `exclusiveMinimum`/`exclusiveMaximum`.
    case draft4
    /// Draft 6 (2017): `$id`, `const`, `contains`, `propertyNames`, boolean schemas.
    case draft6
    /// Draft 7 (2018): `if`/`then`/`else`.
    ///
    /// The dialect of the Picasso schemas.
    case draft7
    /// Draft 2019-09: vocabularies, `$anchor`, `$recursiveRef`, `unevaluated*`, `dependentSchemas`.
    case draft2019_09
    /// Draft 2020-12: `prefixItems`, `$dynamicRef`.
    ///
    /// The latest published dialect.
    case draft2020_12

    /// The latest dialect, used when nothing else is said.
    public static let latest = Dialect.draft2020_12

    /// The canonical metaschema URI, as written in `$schema`.
    public var uri: String {
        switch self {
        case .draft4: "http://json-schema.org/draft-04/schema#"
        case .draft6: "http://json-schema.org/draft-06/schema#"
        case .draft7: "http://json-schema.org/draft-07/schema#"
        case .draft2019_09: "https://json-schema.org/draft/2019-09/schema"
        case .draft2020_12: "https://json-schema.org/draft/2020-12/schema"
        }
    }

    /// The short name used by the official test suite's folders: `draft7`, `draft2020-12`, ...
    public var name: String {
        switch self {
        case .draft4: "draft4"
        case .draft6: "draft6"
        case .draft7: "draft7"
        case .draft2019_09: "draft2019-09"
        case .draft2020_12: "draft2020-12"
        }
    }

    /// The short name, as ``name``.
    public var description: String { name }

    /// The dialect whose metaschema URI is `uri`, ignoring an empty fragment and `http`/`https`.
    ///
    /// - Parameter uri: a `$schema` value such as `http://json-schema.org/draft-07/schema#`.
    /// - Returns: `nil` when `uri` names no dialect this library knows.
    public init?(uri: String) {
        var text = Substring(uri)
        if text.hasSuffix("#") { text = text.dropLast() }
        if text.hasPrefix("https://") {
            text = text.dropFirst("https://".count)
        } else if text.hasPrefix("http://") {
            text = text.dropFirst("http://".count)
        } else {
            return nil
        }
        switch text {
        case "json-schema.org/draft-04/schema": self = .draft4
        case "json-schema.org/draft-06/schema": self = .draft6
        case "json-schema.org/draft-07/schema": self = .draft7
        case "json-schema.org/draft/2019-09/schema": self = .draft2019_09
        case "json-schema.org/draft/2020-12/schema": self = .draft2020_12
        default: return nil
        }
    }

    /// The dialect called `name`: `draft7`, `draft-07`, `7`, `2019-09`, `draft2020-12`, or a URI.
    ///
    /// - Returns: `nil` when the name is not recognised.
    public init?(name: String) {
        if let byURI = Dialect(uri: name) {
            self = byURI
            return
        }
        var text = Substring(name.lowercased())
        if text.hasPrefix("draft") { text = text.dropFirst("draft".count) }
        if text.hasPrefix("-") || text.hasPrefix("_") { text = text.dropFirst() }
        switch text {
        case "4", "04": self = .draft4
        case "6", "06": self = .draft6
        case "7", "07": self = .draft7
        case "2019-09", "2019_09", "201909": self = .draft2019_09
        case "2020-12", "2020_12", "202012": self = .draft2020_12
        default: return nil
        }
    }

    /// Whether identifiers and anchors use the 2019-09 rules (`$anchor`, `$ref` beside other keywords).
    var hasVocabularies: Bool { self >= .draft2019_09 }

    /// The keyword that sets a schema's identifier: `id` in draft 4, `$id` later.
    var idKeyword: String { self == .draft4 ? "id" : "$id" }

    /// The draft whose format definitions apply.
    var formatDraft: FormatChecker.Draft {
        switch self {
        case .draft4: .draft4
        case .draft6: .draft6
        case .draft7: .draft7
        case .draft2019_09: .draft2019_09
        case .draft2020_12: .draft2020_12
        }
    }
}
