/// Just enough XML for S3's answers: the text of simple elements, by tag name.
///
/// S3's error documents and ListObjectsV2 pages are flat, machine-written XML; this reads the
/// text between `<Tag>` and `</Tag>` and decodes the five predefined entities and character
/// references. It does not validate the document; callers check that the elements they need are
/// there.
struct XMLText {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether the document looks like XML (its first non-space byte is `<`).
    var looksLikeXML: Bool {
        bytes.first { !Self.isSpace($0) } == UInt8(ascii: "<")
    }

    /// The decoded text of the first `<tag>…</tag>`, or `nil`.
    func first(_ tag: String) -> String? {
        elements(tag, in: bytes.startIndex..<bytes.endIndex).first.flatMap { decode(bytes[$0]) }
    }

    /// The decoded texts of every `<tag>…</tag>` (in document order; undecodable ones are `nil`).
    func all(_ tag: String) -> [String?] {
        elements(tag, in: bytes.startIndex..<bytes.endIndex).map { decode(bytes[$0]) }
    }

    /// The ranges of the contents of each `<tag>…</tag>` (or `<tag attr="…">…</tag>`).
    func elements(_ tag: String, in range: Range<Int>) -> [Range<Int>] {
        let open = Array("<\(tag)".utf8)
        let close = Array("</\(tag)>".utf8)
        var result: [Range<Int>] = []
        var index = range.lowerBound
        while let start = find(open, from: index, before: range.upperBound) {
            let afterName = start + open.count
            guard afterName < range.upperBound else { break }
            let next = bytes[afterName]
            guard next == UInt8(ascii: ">") || Self.isSpace(next) || next == UInt8(ascii: "/") else {
                index = afterName
                continue
            }
            guard let tagEnd = find([UInt8(ascii: ">")], from: afterName, before: range.upperBound) else { break }
            if bytes[tagEnd - 1] == UInt8(ascii: "/") {  // <tag/>
                result.append(tagEnd + 1..<tagEnd + 1)
                index = tagEnd + 1
                continue
            }
            guard let end = find(close, from: tagEnd + 1, before: range.upperBound) else { break }
            result.append(tagEnd + 1..<end)
            index = end + close.count
        }
        return result
    }

    private func find(_ needle: [UInt8], from start: Int, before end: Int) -> Int? {
        guard let first = needle.first, end - start >= needle.count else { return nil }
        var index = start
        while index <= end - needle.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Decodes entities and character references; `nil` for an unknown entity or bad UTF-8.
    private func decode(_ slice: ArraySlice<UInt8>) -> String? {
        guard slice.contains(UInt8(ascii: "&")) else { return String(validating: slice, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            guard let semicolon = slice[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 12 else {
                return nil
            }
            let name = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "amp": output.append(UInt8(ascii: "&"))
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            default:
                let value: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst(), radix: 10)
                } else {
                    value = nil
                }
                guard let value, let scalar = Unicode.Scalar(value) else { return nil }
                output.append(contentsOf: String(Character(scalar)).utf8)
            }
            index = semicolon + 1
        }
        return String(validating: output, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
