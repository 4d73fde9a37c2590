import BERSJSON
import BERSYAML

/// Finds where an encrypted value sits in a layer file or tenant document, so that a message
/// about it can name its path (`/db/password`) as well as its `file:line:col`.
public enum EnvelopePaths {
    /// The pointer of the first string equal to `text` in the document `bytes` (YAML when `path`
    /// ends in `.yaml` or `.yml`, JSON otherwise), or `nil` when the document does not parse or
    /// holds no such string.
    public static func pointer(of text: String, inDocument bytes: [UInt8], path: String) -> JSONPointer? {
        let document: JSONDocument
        do {
            document =
                DocumentFile.isYAML(path)
                ? try DocumentFile.parse(bytes, file: path) : try JSONParser().parse(bytes, file: path)
        } catch {
            return nil
        }
        return pointer(of: text, in: document.value, at: .root)
    }

    private static func pointer(of text: String, in value: JSONValue, at pointer: JSONPointer) -> JSONPointer? {
        switch value {
        case .string(let string):
            return string == text ? pointer : nil
        case .object(let object):
            for member in object {
                if let found = self.pointer(of: text, in: member.value, at: pointer.appending(member.key)) {
                    return found
                }
            }
            return nil
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = self.pointer(of: text, in: element, at: pointer.appending(index: index)) {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }
}
