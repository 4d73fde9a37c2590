import BERS

extension ArtifactBuilder {
    /// Builds and writes `jobs`: every environment is resolved and validated and every artifact
    /// rendered before the first file is written, so an invalid configuration or a value that
    /// cannot be written leaves every output untouched.
    ///
    /// Each file is written atomically (temporary
    /// file, then rename); missing folders are created. Files are written in the order of `jobs`
    /// and the manifest last: should the disk fail part way (full, an I/O error), the artifacts
    /// before the failure are new and complete, the others and the manifest are as they were, no
    /// temporary file is left, and building again completes the job.
    ///
    /// - Parameters:
    ///   - jobs: the artifacts to write.
    ///   - manifestDirectory: where to write `bers-manifest.json` (paths in it are relative to
    ///     this folder), or `nil` for none.
    /// - Returns: the report.
    /// - Throws: ``BuildError`` `build.invalid-configuration` (every failure of every environment
    ///   in ``BuildError/details``), `build.write-failed`, and the errors of
    ///   ``prepare(_:reason:)`` and ``render(_:_:debug:)``.
    public func run(_ jobs: [BuildJob], manifestDirectory: String? = nil) async throws(BuildError) -> BuildReport {
        let start = clock.nanoseconds()
        var inputs: [String: BuildInput] = [:]
        var order: [String] = []
        for job in jobs {
            for (environment, reason) in [(job.environment, job.reason)]
                + (job.debugEnvironment.map { [($0, job.reason)] } ?? [])
            where inputs[environment.name] == nil {
                inputs[environment.name] = try await prepare(environment, reason: reason)
                order.append(environment.name)
            }
        }
        let invalid = order.compactMap { inputs[$0] }.filter { !$0.validation.isValid }
        if !invalid.isEmpty {
            // With several environments, each line says which one it is about.
            var details: [String] = []
            for input in invalid {
                guard case .invalid(_, let messages) = input.validation else { continue }
                details += order.count > 1 ? messages.map { "\(input.environment.name): \($0)" } : messages
            }
            let names = invalid.map(\.environment.name).joined(separator: ", ")
            throw BuildError(
                .invalidConfiguration,
                "the \(names) configuration\(invalid.count == 1 ? " does" : "s do") not satisfy \(project.settings.schema ?? "the schema") (\(details.count) problem\(details.count == 1 ? "" : "s")); nothing was written",
                details: details
            )
        }
        var rendered: [(BuildJob, [UInt8])] = []
        for job in jobs {
            guard let input = inputs[job.environment.name] else { continue }
            rendered.append(
                (job, try render(job.format, input, debug: job.debugEnvironment.flatMap { inputs[$0.name] }))
            )
        }
        var outputs: [String: [BuildReport.Output]] = [:]
        for (job, bytes) in rendered {
            let written = try write(bytes, to: job.path)
            outputs[job.environment.name, default: []]
                .append(
                    BuildReport.Output(
                        format: job.format,
                        path: job.path,
                        bytes: bytes.count,
                        sha256: BERSDigest.sha256Hex(bytes),
                        debugEnvironment: job.debugEnvironment?.name,
                        unchanged: !written,
                        secrets: secretsCarried(by: job, inputs)
                    )
                )
        }
        let entries = order.compactMap { name -> BuildReport.Entry? in
            guard let input = inputs[name], let written = outputs[name] else { return nil }
            return BuildReport.Entry(
                environment: name,
                reason: input.reason,
                inputs: input.inputs,
                inputsHash: input.inputsHash,
                validation: input.validation,
                diagnostics: input.diagnostics,
                outputs: written
            )
        }
        var manifestPath: String?
        if let manifestDirectory {
            let path = joinPath(manifestDirectory, BuildManifest.fileName)
            _ = try write(
                Array(
                    manifest(entries, relativeTo: manifestDirectory, inputs: Array(inputs.values))
                        .jsonValue.jsonText(.pretty).utf8
                ),
                to: path
            )
            manifestPath = path
        }
        return BuildReport(entries: entries, manifestPath: manifestPath, nanoseconds: clock.nanoseconds() &- start)
    }

    /// The secrets an artifact carries: none for metadata (its provenance is redacted), else
    /// every secret of its environment and of its debug environment, endpoints whose URLs carry
    /// one included.
    private func secretsCarried(by job: BuildJob, _ inputs: [String: BuildInput]) -> [String] {
        guard job.format != .metadata else { return [] }
        let environments = [job.environment.name] + (job.debugEnvironment.map { [$0.name] } ?? [])
        let pointers = environments.flatMap { inputs[$0]?.secretPointers ?? [] }
        return Array(Set(pointers.map(\.description))).sorted()
    }

    /// The manifest of `entries`; a `--set` of a secret of one of `inputs` is recorded
    /// `path=<redacted>`.
    private func manifest(_ entries: [BuildReport.Entry], relativeTo directory: String, inputs: [BuildInput])
        -> BuildManifest
    {
        let configurations = inputs.map(\.configuration)
        return BuildManifest(
            bersVersion: options.bersVersion,
            assignments: options.assignments.map { RecordedAssignment.recorded($0, in: configurations) },
            includeLocalLayers: options.includeLocalLayers,
            provenance: options.provenance,
            buildTime: options.buildTime,
            tenant: options.tenant?.value,
            configDirectory: configDirectory(relativeTo: directory),
            entries: entries.map { entry in
                BuildManifest.Entry(
                    environment: entry.environment,
                    detection: entry.reason.source,
                    inputsHash: entry.inputsHash,
                    inputs: entry.inputs,
                    outputs: entry.outputs.map { output in
                        BuildManifest.Output(
                            format: output.format,
                            path: PathText.relative(output.path, inside: directory),
                            bytes: output.bytes,
                            sha256: output.sha256,
                            debugEnvironment: output.debugEnvironment,
                            secrets: output.secrets
                        )
                    }
                )
            }
        )
    }

    /// The project's directory as seen from `directory`, both with links resolved: the path the
    /// system follows from `directory` to the project, whatever links lead to either.
    private func configDirectory(relativeTo directory: String) -> String {
        let fileSystem = project.fileSystem
        let target = fileSystem.canonicalPath(project.directory)
        return PathText.relative(from: fileSystem.canonicalPath(directory), to: target) ?? target
    }

    /// Writes `bytes` to `path` atomically, creating missing folders; a file that already holds
    /// exactly these bytes is left alone (its modification time too, so that tools watching it do
    /// not rebuild).
    ///
    /// - Returns: whether the file was written.
    /// - Throws: ``BuildError`` `build.write-failed`; the old file (if any) is then untouched.
    func write(_ bytes: [UInt8], to path: String) throws(BuildError) -> Bool {
        let fileSystem = project.fileSystem
        if fileSystem.itemKind(atPath: path) == .file,
            let existing = try? fileSystem.contents(atPath: path, maxBytes: bytes.count), existing == bytes
        {
            return false
        }
        var folder = ""
        let components = PathText.segments(of: path).dropLast()
        for (index, component) in components.enumerated() {
            folder += (index == 0 ? "" : "/") + component
            guard !component.isEmpty, component != ".", fileSystem.itemKind(atPath: folder) == .missing else {
                continue
            }
            do { try fileSystem.createDirectory(atPath: folder) } catch {
                throw BuildError(
                    .writeFailed,
                    "cannot write \(path): \(error.message); nothing was written there",
                    underlying: error
                )
            }
        }
        do {
            try fileSystem.write(bytes, toPath: path)
        } catch {
            throw BuildError(.writeFailed, error.message, underlying: error)
        }
        return true
    }
}
