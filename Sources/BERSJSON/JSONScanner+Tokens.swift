extension JSONScanner {
    /// Objects with more members than this check duplicates with a hash index.
    static let linearDuplicateScanLimit = 8

    /// Throws when opening one more container would nest deeper than the limit.
    @inline(__always)
    func checkDepth(_ openContainers: Int) throws(JSONError) {
        guard openContainers < maxDepth else {
            throw error(
                .depthLimit,
                "arrays and objects nest deeper than the limit of \(maxDepth) levels",
                at: index
            )
        }
    }

    /// Reads the literal `text` (`true`, `false` or `null`) at `index`.
    mutating func expectLiteral(_ text: StaticString) throws(JSONError) {
        let length = text.utf8CodeUnitCount
        let literal = text.utf8Start
        var matched = 0
        while matched < length, index + matched < end, input[index + matched] == literal[matched] {
            matched += 1
        }
        guard matched == length else {
            throw badLiteral(expected: text.description, matched: matched)
        }
        index += length
    }
}
