import BERSJSON
import Testing

/// JSON equality, identity, hashing and accessors.
struct JSONValueTests {
    @Test func numbersAreEqualAcrossIntegerAndDouble() {
        #expect(JSONValue.integer(1) == .double(1.0))
        #expect(JSONValue.double(1.0) == .integer(1))
        #expect(JSONValue.integer(1) != .double(1.5))
        #expect(JSONValue.integer(.max) != .double(9_223_372_036_854_775_807))  // the double is 2^63
        #expect(!JSONValue.integer(1).isIdentical(to: .double(1.0)))
        #expect(Set<JSONValue>([.integer(1), .double(1.0)]).count == 1)
    }

    @Test func objectEqualityIgnoresOrderButIdentityDoesNot() {
        let ab: JSONValue = ["a": 1, "b": [true, nil]]
        let ba: JSONValue = ["b": [true, nil], "a": 1.0]
        #expect(ab == ba)
        #expect(ab.hashValue == ba.hashValue)
        #expect(!ab.isIdentical(to: ba))
        #expect(ab.isIdentical(to: ["a": 1, "b": [true, nil]]))
    }

    @Test func differentKindsAreNeverEqual() {
        let values: [JSONValue] = [nil, false, 0, "0", [], [:]]
        for (i, lhs) in values.enumerated() {
            for (j, rhs) in values.enumerated() {
                #expect((lhs == rhs) == (i == j), "\(lhs) vs \(rhs)")
            }
        }
    }

    @Test func accessorsReturnTheirKindOnly() {
        let value: JSONValue = ["n": 3, "d": 2.0, "h": 2.5, "s": "x", "a": [1], "b": true]
        #expect(value["n"]?.integerValue == 3)
        #expect(value["d"]?.integerValue == 2)
        #expect(value["h"]?.integerValue == nil)
        #expect(value["n"]?.doubleValue == 3)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["s"]?.integerValue == nil)
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["missing"] == nil)
        #expect(value[0] == nil)
        #expect(JSONValue.null.isNull)
        #expect(value.isContainer && !JSONValue.integer(1).isContainer)
    }

    @Test func typeNamesAreJSONSchemaNames() {
        let values: [JSONValue] = [nil, true, 1, 1.5, "s", [], [:]]
        #expect(values.map(\.typeName) == ["null", "boolean", "integer", "number", "string", "array", "object"])
    }

    @Test func nodeCountCountsEveryValue() {
        let value: JSONValue = ["a": [1, 2, ["b": nil]], "c": "d"]
        #expect(value.nodeCount == 7)
        #expect(JSONValue.integer(1).nodeCount == 1)
    }
}

struct JSONStringEqualityTests {
    @Test func stringsCompareByCodePointsNotCanonicalEquivalence() {
        let composed: JSONValue = .string("\u{E9}")
        let decomposed: JSONValue = .string("e\u{301}")
        #expect(composed != decomposed)
        #expect(composed == .string("\u{E9}"))
        #expect(JSONValue.array([composed]) != JSONValue.array([decomposed]))
    }
}
