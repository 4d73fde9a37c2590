import BERSJSON
internal import Yams

/// Runs Yams (libYAML) over one document and hands the node tree to ``YAMLConverter``, turning
/// Yams errors into located ``JSONError``s.
struct YAMLComposer {
    /// At most this many first occurrences of duplicate keys are marked before giving up on
    /// finding the second one (see ``YAMLKeyMarker``).
    static let maxMarkedKeys = 32

    /// Resolves only the merge key `<<`; the converter resolves scalars by the core schema.
    static let resolver = Resolver.basic.appending(.merge)

    let file: String
    let options: YAMLReader.Options

    /// The document in `text` (one document; an empty stream is `null`).
    func document(from text: String) throws(JSONError) -> JSONDocument {
        let neutralized = YAMLAliasKeyGuard.neutralizingAliasKeys(in: text)
        var attempt = neutralized ?? text
        var insertions: [YAMLKeyMarker.Insertion] = []
        var firstDuplicate: JSONError?
        while true {
            do {
                let root = try compose(attempt)
                var converter = YAMLConverter(file: file, options: options, insertions: insertions)
                converter.aliasKeysNeutralized = neutralized != nil
                guard let root else {
                    return JSONDocument(
                        value: .null,
                        file: file,
                        valuePositions: [SourcePosition(line: 1, column: 1)],
                        keyPositions: [.unknown]
                    )
                }
                let value = try converter.convert(root, keyMark: nil, depth: 0)
                // A marked key whose repetition the converter did not see (a tagged or anchored
                // key, say): report what Yams found.
                if let firstDuplicate { throw firstDuplicate }
                return JSONDocument(
                    value: value,
                    file: file,
                    valuePositions: converter.valuePositions,
                    keyPositions: converter.keyPositions
                )
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let mark = context.mark
                let generic = JSONError(
                    .duplicateKey,
                    "duplicate key \(JSONValue.string(YAMLKeyMarker.removingMarker(from: duplicates.first ?? "")).jsonText)"
                        + " (first defined at \(file):\(mark.line):\(mark.column))",
                    location: SourceLocation(file: file, line: mark.line, column: mark.column)
                )
                if firstDuplicate == nil { firstDuplicate = generic }
                guard insertions.count < Self.maxMarkedKeys,
                    let marked = YAMLKeyMarker.inserting(into: attempt, line: mark.line, column: mark.column)
                else { throw firstDuplicate ?? generic }
                attempt = marked.text
                insertions.append(marked.insertion)
            } catch let error as JSONError {
                throw error
            } catch let error as YamlError {
                throw translate(error, text: attempt, insertions: insertions)
            } catch {
                throw JSONError(.yaml, "could not read YAML: \(error)", location: nil)
            }
        }
    }

    /// The root node, or `nil` for an empty stream.
    private func compose(_ text: String) throws -> Node? {
        let parser = try Parser(yaml: text, resolver: Self.resolver, constructor: .default, encoding: .utf8)
        return try parser.singleRoot()
    }

    /// A Yams error as a located ``JSONError``.
    private func translate(_ error: YamlError, text: String, insertions: [YAMLKeyMarker.Insertion]) -> JSONError {
        let converter = YAMLConverter(file: file, options: options, insertions: insertions)
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> JSONError {
            var message = problem
            if let context, !context.text.isEmpty {
                let where_ = converter.location(context.mark).map { " started at \($0)" } ?? ""
                message += " (\(context.text)\(where_))"
            }
            if problem.contains("Maximum nesting level") {
                return JSONError(
                    .depthLimit,
                    "sequences and mappings nest deeper than the limit of "
                        + "\(min(options.maxDepth, 1000)) levels",
                    location: converter.location(mark)
                )
            }
            return JSONError(.yaml, message, location: converter.location(mark))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return located(problem, context, mark)
        case .composer(let context, let problem, let mark, _):
            if context?.text == "expected a single document in the stream" {
                return JSONError(
                    .yaml,
                    "expected a single YAML document, found another document",
                    location: converter.location(mark)
                )
            }
            if problem == "found undefined alias" {
                return JSONError(.yaml, "alias refers to an undefined anchor", location: converter.location(mark))
            }
            return located(problem, context, mark)
        case .reader(let problem, let offset, let value, _):
            let position =
                offset.flatMap { Self.lineAndColumn(ofCharacterOffset: $0, in: text) }
                .map { converter.position(line: $0.line, column: $0.column) } ?? .unknown
            let code = value >= 0 ? " (U+\(String(value, radix: 16, uppercase: true)))" : ""
            return JSONError(.yaml, "\(problem)\(code)", location: SourceLocation(file: file, position: position))
        default:
            return JSONError(.yaml, "could not read YAML: \(error)", location: nil)
        }
    }

    /// The 1-based line and column of the character at `offset` (Yams reports reader errors by
    /// character offset).
    static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int)? {
        guard let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else { return nil }
        var line = 1
        var column = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars[..<index] {
            switch scalar {
            case "\n" where previous == "\r":
                break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
            previous = scalar
        }
        return (line, column)
    }
}
