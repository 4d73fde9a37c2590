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
        let candidates = Array(candidates)
        let target = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Suggestions.editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best, best.distance <= max(2, target.count / 3) { return best.candidate }
        // An abbreviation (`prod`, `dev`) names the one candidate it begins.
        let word = word.lowercased()
        guard word.count >= 3 else { return nil }
        let extensions = candidates.filter { $0.lowercased().hasPrefix(word) }
        return extensions.count == 1 ? extensions.first : nil
    }

    /// Levenshtein distance with transpositions counted as one edit.
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            previousPrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
