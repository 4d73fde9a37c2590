/// The words of a configuration key, lowercased: `enforceHTTPS` is `enforce https`, `api_key`
/// and `X-API-Key` end with `key`, `corsOrigins` is `cors origins`.
///
/// Doctor rules recognise settings by their words, so that they apply to any project's names.
struct KeyWords: Sendable, Hashable {
    /// The words, in order.
    let words: [String]

    init(_ key: String) {
        var words: [String] = []
        var current = ""
        var previous: Character?
        let characters = Array(key)
        for (position, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let before = previous, Self.startsWord(character, after: before, next: characters[safe: position + 1]) {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        self.words = words.map { $0.lowercased() }
    }

    /// Whether any word is one of `candidates`.
    func contains(anyOf candidates: Set<String>) -> Bool { words.contains { candidates.contains($0) } }

    /// Whether the last word is one of `candidates`.
    func ends(withAnyOf candidates: Set<String>) -> Bool { words.last.map { candidates.contains($0) } ?? false }

    /// A camel-case boundary: `aB`, the `B` of `HTTPSBar` before `ar`, or a letter after a digit.
    private static func startsWord(_ character: Character, after previous: Character, next: Character?) -> Bool {
        if character.isUppercase && previous.isLowercase { return true }
        if character.isUppercase && previous.isUppercase, let next, next.isLowercase { return true }
        if character.isLetter && previous.isNumber { return true }
        return character.isNumber && previous.isLetter
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
