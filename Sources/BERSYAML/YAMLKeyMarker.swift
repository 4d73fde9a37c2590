/// Gets the second position of a duplicate key past Yams.
///
/// Yams rejects a mapping with a repeated key while composing, reporting only where the first
/// occurrence is. To name both places, ``YAMLReader`` marks that first occurrence with a prefix
/// no real key has (two Unicode noncharacters, which YAML allows in text) and composes again;
/// the converter removes the marker from keys, finds the repetition itself, and reports both
/// positions. Columns after an inserted marker are shifted back.
enum YAMLKeyMarker {
    /// The inserted text: U+FDD0 U+FDD1.
    static let marker = String(
        String.UnicodeScalarView([0xFDD0, 0xFDD1].map { Unicode.Scalar(UInt32($0)) ?? "_" })
    )
    /// Its length in Unicode scalars.
    static let length = 2

    /// Where a marker was inserted, in the coordinates of the text it was inserted into.
    struct Insertion: Sendable {
        var line: Int
        var column: Int
    }

    /// The key with a leading marker removed.
    static func removingMarker(from key: String) -> String {
        key.hasPrefix(marker) ? String(key.unicodeScalars.dropFirst(length)) : key
    }

    /// `text` with the marker inserted at the start of the key at `line`:`column` (inside the
    /// quotes of a quoted key), or `nil` when there is no such position.
    static func inserting(into text: String, line: Int, column: Int) -> (text: String, insertion: Insertion)? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var currentLine = 1
        while currentLine < line {
            guard index < scalars.endIndex else { return nil }
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            switch scalar {
            case "\r":
                if index < scalars.endIndex && scalars[index] == "\n" { scalars.formIndex(after: &index) }
                currentLine += 1
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                currentLine += 1
            default:
                break
            }
        }
        guard let start = scalars.index(index, offsetBy: column - 1, limitedBy: scalars.endIndex),
            start < scalars.endIndex
        else { return nil }
        var at = start
        var insertedColumn = column
        if scalars[at] == "\"" || scalars[at] == "'" {
            scalars.formIndex(after: &at)
            insertedColumn += 1
        }
        var result = text
        result.unicodeScalars.insert(contentsOf: marker.unicodeScalars, at: at)
        return (result, Insertion(line: line, column: insertedColumn))
    }
}
