import BERS
import BERSJSON

/// A named value of a declaration: a constant, a field of an object, a header.
public struct NamedValue: Sendable, Hashable {
    /// The name written into the artifact.
    public var name: String
    /// Where the value comes from.
    public var spec: ValueSpec

    /// A name and where its value comes from.
    public init(name: String, spec: ValueSpec) {
        self.name = name
        self.spec = spec
    }
}

extension NamedValue {
    /// An object of `name: value declaration` members, in order, or `nil` when absent.
    static func readMap(
        _ reader: SettingsReader,
        at pointer: JSONPointer,
        catalog: EnvironmentCatalog
    ) throws(BuildError) -> [NamedValue]? {
        guard let object = try reader.object(at: pointer) else { return nil }
        var values: [NamedValue] = []
        for key in object.keys {
            values.append(
                NamedValue(name: key, spec: try ValueSpec.read(reader, at: pointer.appending(key), catalog: catalog))
            )
        }
        return values
    }
}
