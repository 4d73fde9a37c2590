import BERSJSON
import Testing

/// Ordered members, lookups below and above the index threshold, and equality.
struct JSONObjectTests {
    @Test func keepsInsertionOrderAndReplacesInPlace() {
        var object: JSONObject = ["timeout": 1000]
        object["retries"] = 3
        object["timeout"] = 2000
        #expect(object.keys == ["timeout", "retries"])
        #expect(object.values == [2000, 3])
        object["timeout"] = nil
        #expect(object.keys == ["retries"])
        #expect(object.removeValue(forKey: "retries") == 3)
        #expect(object.isEmpty)
    }

    @Test func repeatedKeysInTheInitializerKeepTheFirstPositionAndTheLastValue() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func lookupsWorkPastTheIndexThreshold() {
        var object = JSONObject()
        let count = JSONObject.indexThreshold * 3
        for number in 0..<count { object["k\(number)"] = .integer(Int64(number)) }
        #expect(object.count == count)
        #expect(object.keys == (0..<count).map { "k\($0)" })
        for number in 0..<count { #expect(object["k\(number)"] == .integer(Int64(number))) }
        #expect(object.position(of: "k20") == 20)
        // Removing keeps the index right.
        object["k3"] = nil
        #expect(object.position(of: "k20") == 19)
        #expect(object["k3"] == nil && object.contains(key: "k4"))
        object["k3"] = 3
        #expect(object.position(of: "k3") == count - 1)
    }

    @Test func uniqueMembersBuildTheIndexForLargeObjects() {
        let members = (0..<20).map { (key: "m\($0)", value: JSONValue.integer(Int64($0))) }
        let object = JSONObject(uniqueMembers: members)
        #expect(object["m19"] == 19)
        #expect(object.position(of: "m7") == 7)
    }

    @Test func equalityAndHashIgnoreOrder() {
        let lhs: JSONObject = ["a": 1, "b": 2]
        let rhs: JSONObject = ["b": 2, "a": 1]
        #expect(lhs == rhs)
        #expect(lhs.hashValue == rhs.hashValue)
        #expect(lhs != ["a": 1])
        #expect(lhs != ["a": 1, "c": 2])
    }

    @Test func sortsByKeyInCodePointOrder() {
        let object: JSONObject = ["b": 1, "a": 2, "\u{10000}": 3, "\u{FB33}": 4]
        #expect(object.sortedByKey().map(\.key) == ["a", "b", "\u{FB33}", "\u{10000}"])
    }
}
