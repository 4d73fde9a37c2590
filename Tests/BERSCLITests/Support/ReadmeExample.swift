import Foundation

/// A `$ bers …` example of README.md: the command and the output the README shows under it.
///
/// Examples are the lines starting with `$ ` inside fenced code blocks; the lines after one, up to
/// the next `$ ` line or the end of the block, are its output (standard output and standard error
/// as a terminal shows them). In the output, a line `…` stands for any number of lines, and `…`
/// inside a line for any text.
struct ReadmeExample {
    /// The command as written, without `$ `.
    var command: String
    /// The output lines shown.
    var output: [String]
    /// The README line of the command.
    var line: Int

    /// The command to run: `swift run bers` becomes `bers`.
    var shellCommand: String {
        command.replacingOccurrences(of: "swift run bers ", with: "bers ")
    }

    /// Whether the README shows the command failing (an `error:` line).
    var expectsFailure: Bool { output.contains { $0.hasPrefix("error:") } }

    /// Every example of `markdown`, in order.
    static func extract(from markdown: String) -> [ReadmeExample] {
        var examples: [ReadmeExample] = []
        var inBlock = false
        var collecting = false
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inBlock.toggle()
                collecting = false
            } else if inBlock && line.hasPrefix("$ ") {
                examples.append(ReadmeExample(command: String(line.dropFirst(2)), output: [], line: index + 1))
                collecting = true
            } else if collecting {
                examples[examples.count - 1].output.append(String(line))
            }
        }
        return examples.map { example in
            var trimmed = example
            while trimmed.output.last?.allSatisfy(\.isWhitespace) == true { trimmed.output.removeLast() }
            return trimmed
        }
    }

    /// Why `actual` does not match the shown output, or `nil` when it does.
    func mismatch(_ actual: String) -> String? {
        var lines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            .map {
                String($0.reversed().drop(while: \.isWhitespace).reversed())
            }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let expected = output.map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }
        if Self.matches(expected[...], lines[...]) { return nil }
        return "expected:\n" + expected.joined(separator: "\n") + "\nactual:\n" + lines.joined(separator: "\n")
    }

    /// Whether the pattern lines match the actual lines.
    static func matches(_ pattern: ArraySlice<String>, _ lines: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return lines.isEmpty }
        if first.trimmingSpaces == "…" {
            let rest = pattern.dropFirst()
            return (lines.startIndex...lines.endIndex).contains { matches(rest, lines[$0...]) }
        }
        guard let line = lines.first, lineMatches(first, line) else { return false }
        return matches(pattern.dropFirst(), lines.dropFirst())
    }

    /// Whether one line matches a pattern line, where `…` stands for any text.
    static func lineMatches(_ pattern: String, _ line: String) -> Bool {
        let parts = pattern.components(separatedBy: "…")
        guard parts.count > 1 else { return pattern == line }
        guard line.hasPrefix(parts[0]), line.dropFirst(parts[0].count).hasSuffix(parts[parts.count - 1]) else {
            return false
        }
        var rest = Substring(line.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
