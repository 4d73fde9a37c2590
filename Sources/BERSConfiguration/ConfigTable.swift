import BERS
import BERSJSON

/// Every value of a resolved configuration by key components, built once per snapshot so a
/// lookup is one hash of the key's components (`["api", "timeout"]`, see ``KeyIndex``).
///
/// Objects and arrays are in the table too (an array's elements by their index, `corsOrigins.0`),
/// so a key naming a container is a type mismatch rather than a missing value.
struct ConfigTable: Sendable {
    /// Every value but the root, in document order.
    let entries: [ConfigEntry]
    private let index: KeyIndex
    /// How many leaves there are: scalars, arrays and empty objects, outside arrays (as
    /// `ResolvedConfiguration.leafProvenance()` counts them).
    let leafCount: Int

    /// The table of `configuration`, secrets and sealed secrets marked.
    init(_ configuration: ResolvedConfiguration) {
        var builder = Builder(
            secret: Set(configuration.secretPointers.map(\.tokens)),
            sealed: Set(configuration.sealedPointers.map(\.tokens))
        )
        if case .object(let root) = configuration.value {
            for (key, value) in root {
                builder.add(value, tokens: [key], encodedKey: Self.escaped(key), above: Marks(), inArray: false)
            }
        }
        entries = builder.entries
        index = KeyIndex(builder.entries.map(\.tokens))
        leafCount = builder.leafCount
    }

    /// The entry of the value at `components`, if there is one.
    @inline(__always)
    func entry(at components: [String]) -> ConfigEntry? {
        index.position(of: components) { entries[$0].tokens }.map { entries[$0] }
    }

    /// The dotted BERS path of key components: joined by `.`, with `.` and `\` in a component
    /// escaped by `\`.
    static func encodedKey(_ components: [String]) -> String {
        components.map(escaped).joined(separator: ".")
    }

    /// `component` with `.` and `\` escaped.
    private static func escaped(_ component: String) -> String {
        guard component.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "\\") }) else {
            return component
        }
        var text = ""
        for character in component {
            if character == "." || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text
    }

    /// Whether a value is secret, and sealed: so is everything below it.
    private struct Marks {
        var isSecret = false
        var isSealed = false
    }

    /// Collects the entries of a document, depth first.
    private struct Builder {
        let secret: Set<[String]>
        let sealed: Set<[String]>
        var entries: [ConfigEntry] = []
        var leafCount = 0

        mutating func add(_ value: JSONValue, tokens: [String], encodedKey: String, above: Marks, inArray: Bool) {
            let marks = Marks(
                isSecret: above.isSecret || secret.contains(tokens),
                isSealed: above.isSealed || sealed.contains(tokens)
            )
            entries.append(
                ConfigEntry(
                    value: value,
                    encodedKey: encodedKey,
                    isSecret: marks.isSecret,
                    isSealed: marks.isSealed,
                    tokens: tokens
                )
            )
            if !inArray, value.objectValue?.isEmpty != false { leafCount += 1 }
            switch value {
            case .object(let object):
                for (key, member) in object {
                    let memberKey = encodedKey + "." + ConfigTable.escaped(key)
                    add(member, tokens: tokens + [key], encodedKey: memberKey, above: marks, inArray: inArray)
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    let elementKey = encodedKey + ".\(index)"
                    add(element, tokens: tokens + [String(index)], encodedKey: elementKey, above: marks, inArray: true)
                }
            default:
                break
            }
        }
    }
}
