import BERSJSON

extension SchemaCompiler {
    /// The rules a `$schema` value selects: a built-in dialect, or a metaschema from the registry
    /// whose `$vocabulary` says which vocabularies are in force.
    ///
    /// - Throws: ``SchemaError/Code/unknownDialect`` when the URI is neither (unless the options say
    ///   to fall back to the default dialect), ``SchemaError/Code/unknownVocabulary`` when the
    ///   metaschema requires a vocabulary this library does not implement.
    mutating func dialectRules(for uri: String, at location: SchemaLocation) throws(SchemaError) -> DialectRules {
        try dialectRules(for: uri, at: location, hops: 0)
    }

    private mutating func dialectRules(
        for uri: String,
        at location: SchemaLocation,
        hops: Int
    ) throws(SchemaError) -> DialectRules {
        if let dialect = Dialect(uri: uri) { return DialectRules(dialect) }
        let key = SchemaRegistry.key(uri)
        if let cached = dialectCache[key] { return cached }
        guard hops < 8, let metaschema = options.registry.document(at: key) else {
            if options.unknownDialect == .useDefault { return DialectRules(options.defaultDialect) }
            throw keywordError(
                .unknownDialect,
                "\"$schema\" names \"\(uri)\", which is neither a known dialect nor a metaschema in the registry",
                at: location,
                keyword: "$schema"
            )
        }
        var base = DialectRules(options.defaultDialect)
        if let parent = metaschema["$schema"]?.stringValue, SchemaRegistry.key(parent) != key {
            base = try dialectRules(for: parent, at: location, hops: hops + 1)
        }
        guard base.dialect.hasVocabularies, case .object(let declared)? = metaschema["$vocabulary"] else {
            dialectCache[key] = base
            return base
        }
        var vocabularies: Vocabularies = [.core]
        var dialect = base.dialect
        for (vocabularyURI, required) in declared {
            if let (vocabularyDialect, vocabulary) = Vocabularies.named(vocabularyURI) {
                vocabularies.formUnion(vocabulary)
                dialect = vocabularyDialect
            } else if required.boolValue == true {
                throw keywordError(
                    .unknownVocabulary,
                    "the metaschema \"\(uri)\" requires the vocabulary \"\(vocabularyURI)\", which is not supported",
                    at: location,
                    keyword: "$schema"
                )
            }
        }
        let rules = DialectRules(dialect: dialect, vocabularies: vocabularies)
        dialectCache[key] = rules
        return rules
    }
}
