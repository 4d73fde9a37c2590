import BERSJSON
import Testing

@testable import BERSSchema

struct EmbeddedMetaschemaTests {
    @Test func everyEmbeddedSourceParsesAndCarriesItsURI() throws {
        #expect(EmbeddedMetaschemas.sources.count == 19)
        for (uri, text) in EmbeddedMetaschemas.sources {
            let document = try JSONValue(parsing: text)
            let id = document["$id"]?.stringValue ?? document["id"]?.stringValue
            #expect(id.map(SchemaRegistry.key) == uri)
            #expect(EmbeddedMetaschemas.documents[uri] != nil)
        }
    }

    @Test(arguments: Dialect.allCases)
    func everyMetaschemaValidatesItself(_ dialect: Dialect) throws {
        let metaschema = try #require(MetaschemaCheck.validator(for: dialect))
        let document = try #require(SchemaRegistry().document(at: dialect.uri))
        #expect(metaschema.isValid(document))
        #expect(metaschema.validate(document).isValid)
    }
}
