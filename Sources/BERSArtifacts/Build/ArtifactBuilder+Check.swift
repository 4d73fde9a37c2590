import BERS
import BERSJSON

extension ArtifactBuilder {
    /// Rebuilds, in memory, every artifact that `directory`'s `bers-manifest.json` lists, with the
    /// options it recorded, and compares the bytes with the files on disk.
    ///
    /// The builder's own options are ignored except ``BuildOptions/bersVersion``, the tenant
    /// store, and the values of the `--set` assignments of secrets the manifest records without
    /// their values (`db.password=<redacted>`): an artifact built by another version of BERS
    /// counts as changed.
    ///
    /// - Throws: ``BuildError`` `build.invalid-manifest` for a missing or malformed manifest,
    ///   `build.missing-secret-assignment` when such a value is not given,
    ///   `build.invalid-configuration` when the current configuration is invalid, and the errors of
    ///   ``prepare(_:reason:)``.
    public func check(directory: String) async throws(BuildError) -> DriftReport {
        let manifestPath = joinPath(directory, BuildManifest.fileName)
        let fileSystem = project.fileSystem
        let manifest = try BuildManifest.read(directory: directory, fileSystem: fileSystem)
        var recorded = options
        // A `--set` of a secret is recorded without its value: the check is given it again.
        recorded.assignments = try RecordedAssignment.restored(manifest.assignments, given: options.assignments)
        recorded.includeLocalLayers = manifest.includeLocalLayers
        recorded.provenance = manifest.provenance
        recorded.buildTime = manifest.buildTime
        if let tenant = manifest.tenant {
            do { recorded.tenant = try TenantHash(tenant, policy: project.settings.tenants.hashPolicy) } catch {
                throw BuildError(.invalidManifest, "\(manifestPath): \(error.message)")
            }
        } else {
            recorded.tenant = nil
        }
        var builder = self
        builder.options = recorded

        var artifacts: [DriftReport.Artifact] = []
        var changes: [String] = []
        var inputs: [String: BuildInput] = [:]
        func input(_ name: String, detection: String) async throws(BuildError) -> BuildInput {
            if let cached = inputs[name] { return cached }
            let environment: Environment
            do { environment = try project.environment(named: name) } catch { throw BuildError(resolving: error) }
            let prepared = try await builder.prepare(environment, reason: .recorded(detection))
            inputs[name] = prepared
            return prepared
        }
        for entry in manifest.entries {
            let current = try await input(entry.environment, detection: entry.detection)
            changes += Self.inputChanges(from: entry.inputs, to: current.inputs, environment: entry.environment)
            for output in entry.outputs {
                let debug: BuildInput?
                if let name = output.debugEnvironment {
                    debug = try await input(name, detection: entry.detection)
                } else {
                    debug = nil
                }
                let expected = try builder.render(output.format, current, debug: debug)
                let path = joinPath(directory, output.path)
                let status: DriftReport.Status
                if let actual = try? fileSystem.contents(atPath: path, maxBytes: 64 << 20) {
                    status = actual == expected ? .upToDate : .changed
                } else {
                    status = .missing
                }
                artifacts.append(
                    DriftReport.Artifact(
                        environment: entry.environment,
                        format: output.format,
                        path: path,
                        status: status
                    )
                )
            }
        }
        let recordedDirectory = manifest.recordedConfigDirectory(manifestDirectory: directory, fileSystem: fileSystem)
        let differs =
            recordedDirectory.map { fileSystem.canonicalPath($0) != fileSystem.canonicalPath(project.directory) }
            ?? false
        return DriftReport(
            artifacts: artifacts,
            inputChanges: changes,
            recordedConfigDirectory: differs ? recordedDirectory : nil,
            checkedConfigDirectory: project.directory
        )
    }

    static func inputChanges(from old: [InputFile], to new: [InputFile], environment: String) -> [String] {
        var changes: [String] = []
        for file in new {
            if let before = old.first(where: { $0.role == file.role && $0.name == file.name }) {
                if before.sha256 != file.sha256 { changes.append("\(environment): \(file.name) changed") }
            } else {
                changes.append("\(environment): \(file.name) added")
            }
        }
        for file in old where !new.contains(where: { $0.role == file.role && $0.name == file.name }) {
            changes.append("\(environment): \(file.name) removed")
        }
        return changes
    }
}
