import BERSJSON
import BERSYAML

/// A layer file found in a config directory, not yet read.
public struct LayerFile: Sendable, Hashable {
    /// The layer it provides.
    public var source: LayerSource
    /// Its path (config directory + file name).
    public var path: String

    /// The file extensions BERS reads, in the order they are looked for.
    public static let extensions = ["json", "yaml", "yml"]

    /// The layer name a file provides (`production.local.json` → `production.local`), or `nil`
    /// when its extension is not one BERS reads.
    static func baseName(of fileName: String) -> Substring? {
        for fileExtension in extensions where fileName.utf8.count > fileExtension.utf8.count + 1 {
            if fileName.hasSuffix("." + fileExtension) { return fileName.dropLast(fileExtension.count + 1) }
        }
        return nil
    }

    /// Whether `fileName` provides the layer `base` (`production.yaml` provides `production`),
    /// compared byte by byte without building strings.
    static func isFile(_ fileName: String, ofLayer base: String) -> Bool {
        var fileName = fileName
        var base = base
        return fileName.withUTF8 { name in
            base.withUTF8 { prefix in
                guard name.count > prefix.count + 1, name[prefix.count] == UInt8(ascii: "."),
                    bytesEqual(name.baseAddress, prefix.baseAddress, prefix.count)
                else { return false }
                let fileExtension = UnsafeBufferPointer(rebasing: name[(prefix.count + 1)...])
                return extensions.contains { $0.utf8.elementsEqual(fileExtension) }
            }
        }
    }

    /// Reads and parses the file.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable`, `config.malformed-layer` (with the parse
    ///   error's `file:line:col`) or `config.layer-not-object`.
    func load(from fileSystem: any FileSystem) throws(ConfigError) -> Layer {
        let bytes = try fileSystem.contents(atPath: path)
        return try LayerFile.parse(bytes, path: path, source: source)
    }

    static func parse(_ bytes: [UInt8], path: String, source: LayerSource) throws(ConfigError) -> Layer {
        let tape: JSONTape
        do {
            tape =
                DocumentFile.isYAML(path)
                ? try JSONTape(document: try DocumentFile.parse(bytes, file: path))
                : try JSONParser().parseTape(bytes, file: path)
        } catch {
            throw ConfigError.malformed(error)
        }
        switch tape[0].kind {
        case .object:
            return Layer(source: source, tape: tape)
        case .null:
            // An empty YAML file is an empty layer.
            return Layer(source: source, tape: .emptyObject(file: path))
        default:
            throw ConfigError(
                .layerNotObject,
                "a configuration layer must be an object at the top level, found \(tape.value(ofNode: 0).typeName)",
                location: tape.location(ofNode: 0)
            )
        }
    }
}
