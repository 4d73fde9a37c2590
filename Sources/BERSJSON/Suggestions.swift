/// Did-you-mean suggestions for misspelt keys, paths and names.
public enum Suggestions {
    /// The candidate closest to `word` by edit distance, ignoring case, when it is close enough to
    /// be a plausible typo (at most a third of the word's length, minimum 2 edits); else the only
    /// candidate that `word` abbreviates (`prod` for `production`), if there is exactly one.
    ///
    /// ```swift
    /// Suggestions.closest(to: "enviroment", in: ["environment", "schema"])  // "environment"
    /// ```
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        Vocabulary(candidates).closest(to: word)
    }

    /// Candidates prepared once (lowercased, as Unicode scalars) for many ``closest(to:)`` calls.
    public struct Vocabulary: Sendable {
        private let candidates: [(name: String, lowered: String, scalars: [Unicode.Scalar])]

        /// A vocabulary of `candidates`, in their order (the first of equally close ones wins).
        public init(_ candidates: some Sequence<String>) {
            self.candidates = candidates.map { candidate in
                let lowered = candidate.lowercased()
                return (candidate, lowered, Array(lowered.unicodeScalars))
            }
        }

        /// The candidate closest to `word`; see ``Suggestions/closest(to:in:)``.
        public func closest(to word: String) -> String? {
            let word = word.lowercased()
            let target = Array(word.unicodeScalars)
            var best: (candidate: String, distance: Int)?
            var extensions: [String] = []
            let mayAbbreviate = word.count >= 3
            for candidate in candidates {
                let distance = Suggestions.editDistance(target, candidate.scalars)
                if distance < (best?.distance ?? Int.max) { best = (candidate.name, distance) }
                if mayAbbreviate && candidate.lowered.hasPrefix(word) { extensions.append(candidate.name) }
            }
            if let best, best.distance <= max(2, target.count / 3) { return best.candidate }
            // An abbreviation (`prod`, `dev`) names the one candidate it begins.
            return extensions.count == 1 ? extensions.first : nil
        }
    }

    /// Levenshtein distance with transpositions counted as one edit.
    ///
    /// Three rows of one scratch buffer: the row before the previous one (for transpositions),
    /// the previous one and the current one, rotated by index rather than copied.
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            rows.initialize(repeating: 0)
            for j in 0...b.count { rows[width + j] = j }
            for i in 1...a.count {
                let current = (i + 1) % 3 * width
                let previous = i % 3 * width
                let beforePrevious = (i + 2) % 3 * width
                rows[current] = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var distance = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        distance = min(distance, rows[beforePrevious + j - 2] + 1)
                    }
                    rows[current + j] = distance
                }
            }
            return rows[(a.count + 1) % 3 * width + b.count]
        }
    }
}
