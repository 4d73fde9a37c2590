import Testing

@testable import BERSConfiguration

struct KeyIndexTests {
    private static let keys: [[String]] = (0..<1000).map { ["section\($0 % 7)", "key\($0)"] } + [["a.b"], ["a", "b"]]
    private let index = KeyIndex(Self.keys)

    private func position(_ components: [String]) -> Int? {
        index.position(of: components) { Self.keys[$0] }
    }

    @Test func everyKeyIsFoundAtItsPosition() {
        for (expected, key) in Self.keys.enumerated() {
            #expect(position(key) == expected)
        }
    }

    @Test func aDotInAComponentIsNotASeparator() {
        #expect(position(["a.b"]) == Self.keys.count - 2)
        #expect(position(["a", "b"]) == Self.keys.count - 1)
    }

    @Test func anAbsentKeyIsNotFound() {
        #expect(position(["section1", "key2"]) == nil)
        #expect(position(["key1"]) == nil)
        #expect(position([]) == nil)
        #expect(KeyIndex([]).position(of: ["a"]) { _ in [] } == nil)
    }
}
