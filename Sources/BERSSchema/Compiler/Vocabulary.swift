/// The vocabularies in force for a schema resource (2019-09 and later), as a bit set.
///
/// Drafts 4 to 7 have no vocabularies: everything their draft defines is on. A 2019-09 or 2020-12
/// metaschema may list fewer in `$vocabulary`; keywords of a vocabulary that is off are ignored.
struct Vocabularies: OptionSet, Hashable, Sendable {
    let rawValue: UInt16

    static let core = Vocabularies(rawValue: 1 << 0)
    static let applicator = Vocabularies(rawValue: 1 << 1)
    static let unevaluated = Vocabularies(rawValue: 1 << 2)
    static let validation = Vocabularies(rawValue: 1 << 3)
    static let metaData = Vocabularies(rawValue: 1 << 4)
    static let formatAnnotation = Vocabularies(rawValue: 1 << 5)
    static let formatAssertion = Vocabularies(rawValue: 1 << 6)
    static let content = Vocabularies(rawValue: 1 << 7)

    /// Everything a standard metaschema enables (format as an annotation).
    static let standard: Vocabularies = [
        .core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content,
    ]

    /// The vocabulary a `$vocabulary` URI names, or `nil` when it is not one this library knows.
    static func named(_ uri: String) -> (Dialect, Vocabularies)? {
        let prefixes: [(String, Dialect)] = [
            ("https://json-schema.org/draft/2020-12/vocab/", .draft2020_12),
            ("https://json-schema.org/draft/2019-09/vocab/", .draft2019_09),
        ]
        for (prefix, dialect) in prefixes where uri.hasPrefix(prefix) {
            let name = uri.dropFirst(prefix.count)
            switch (dialect, name) {
            case (_, "core"): return (dialect, .core)
            case (.draft2019_09, "applicator"): return (dialect, [.applicator, .unevaluated])
            case (_, "applicator"): return (dialect, .applicator)
            case (.draft2020_12, "unevaluated"): return (dialect, .unevaluated)
            case (_, "validation"): return (dialect, .validation)
            case (_, "meta-data"): return (dialect, .metaData)
            case (.draft2019_09, "format"): return (dialect, .formatAnnotation)
            case (.draft2020_12, "format-annotation"): return (dialect, .formatAnnotation)
            case (.draft2020_12, "format-assertion"): return (dialect, .formatAssertion)
            case (_, "content"): return (dialect, .content)
            default: return nil
            }
        }
        return nil
    }
}

/// The rules a schema resource is compiled with: its draft and the vocabularies in force.
struct DialectRules: Hashable, Sendable {
    var dialect: Dialect
    var vocabularies: Vocabularies

    /// The rules of a standard metaschema.
    init(_ dialect: Dialect) {
        self.dialect = dialect
        self.vocabularies = .standard
    }

    init(dialect: Dialect, vocabularies: Vocabularies) {
        self.dialect = dialect
        self.vocabularies = vocabularies
    }

    /// Whether keywords of `vocabulary` are processed.
    func has(_ vocabulary: Vocabularies) -> Bool {
        !dialect.hasVocabularies || vocabularies.contains(vocabulary)
    }
}
