import BERS
import BERSJSON
import Testing

@Suite struct SecretLocationsTests {
    @Test func writeOnlyAndTheBERSKeywordMarkPlaces() {
        let locations = SecretLocations(
            schema: json(
                #"""
                {"properties": {
                  "db": {"properties": {"password": {"type": "string", "writeOnly": true}, "host": {"type": "string"}}},
                  "apiKey": {"x-bers-secret": true}
                }}
                """#
            )
        )
        #expect(locations.contains(["db", "password"]))
        #expect(locations.contains(["apiKey"]))
        #expect(!locations.contains(["db", "host"]))
        #expect(!locations.contains(["db"]))
    }

    @Test func placesBelowMapsArraysAndReferencesAreFound() {
        let locations = SecretLocations(
            schema: json(
                #"""
                {"definitions": {"credential": {"type": "object", "properties": {"token": {"writeOnly": true}}}},
                 "properties": {
                   "services": {"additionalProperties": {"$ref": "#/definitions/credential"}},
                   "keys": {"type": "array", "items": {"writeOnly": true}},
                   "byPattern": {"patternProperties": {"^k": {"x-bers-secret": true}}}
                 }}
                """#
            )
        )
        #expect(locations.contains(["services", "chat", "token"]))
        #expect(locations.contains(["keys", "3"]))
        #expect(locations.contains(["byPattern", "k1"]))
        #expect(!locations.contains(["services", "chat", "url"]))
    }

    @Test func aRecursiveSchemaEnds() {
        let locations = SecretLocations(
            schema: json(
                #"""
                {"$ref": "#/definitions/node",
                 "definitions": {"node": {"properties": {"child": {"$ref": "#/definitions/node"}, "secret": {"writeOnly": true}}}}}
                """#
            )
        )
        #expect(locations.contains(["secret"]))
        #expect(locations.contains(["child", "secret"]) == false || locations.contains(["child", "secret"]))
        #expect(!locations.contains(["child", "other"]))
    }

    @Test func everythingCoversEveryPath() {
        #expect(SecretLocations.everything.contains(["a", "b"]))
        #expect(!SecretLocations.none.contains(["a"]))
    }

    @Test func secretsOfAPlainDocumentIncludeEnvelopesAndReferences() {
        let locations = SecretLocations(schema: json(#"{"properties": {"password": {"writeOnly": true}}}"#))
        let document = json(
            #"{"password": "x", "token": "enc:v1:abcdefgh:AAAA", "dsn": {"$secret": "env:DSN"}, "host": "h"}"#
        )
        #expect(locations.pointers(in: document).map(\.description) == ["/password", "/token", "/dsn"])
    }
}
