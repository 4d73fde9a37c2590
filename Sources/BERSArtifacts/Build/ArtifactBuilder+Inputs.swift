import BERS

extension ArtifactBuilder {
    /// The files an environment is resolved from, in a fixed order: `bers.json`, the schema and
    /// its sibling schemas (sorted), then the layer files, lowest first.
    ///
    /// - Throws: ``BuildError`` `build.resolve-failed` when a file cannot be read.
    func fileInputs(for environment: Environment) throws(BuildError) -> [InputFile] {
        let fileSystem = project.fileSystem
        let directory = project.directory
        var paths: [(InputFile.Role, String)] = []
        if project.fileNames.contains(ConfigProject.projectFileName) {
            paths.append((.project, ConfigProject.projectFileName))
        }
        if let schema = project.settings.schema {
            paths.append((.schema, schema))
            let folder = PathText.parent(of: schema)
            let siblings = (try? fileSystem.contentsOfDirectory(atPath: joinPath(directory, folder))) ?? []
            for name in siblings.sorted() where name.hasSuffix(".json") {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                if relative != schema { paths.append((.schema, relative)) }
            }
        }
        let layers: [LayerFile]
        do {
            layers = try project.layerFiles(for: environment, includeLocal: options.includeLocalLayers)
        } catch {
            throw BuildError(resolving: error)
        }
        for layer in layers { paths.append((.layer, relativePath(layer.path))) }

        var inputs: [InputFile] = []
        for (role, relative) in paths {
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.contents(atPath: joinPath(directory, relative))
            } catch {
                throw BuildError(resolving: error)
            }
            inputs.append(InputFile(role: role, name: relative, sha256: BERSDigest.sha256Hex(bytes)))
        }
        return inputs
    }

    /// `path` relative to the config directory, when it is inside it.
    func relativePath(_ path: String) -> String {
        let directory = project.directory
        if directory.isEmpty || directory == "." { return path }
        return PathText.relative(path, inside: directory)
    }
}
