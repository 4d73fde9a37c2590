/// Where a resolution finds the clear values of its `$secret` references: variables and files
/// (encrypted values are opened after the merge, by ``SecretOpener``).
struct SecretSources: Sendable {
    /// The variables `env:` references read first; the process environment is read for a name
    /// they do not have.
    var variables: [String: String]
    /// The file system `file:` references read.
    var fileSystem: any FileSystem
    /// The folder relative `file:` paths start from.
    var directory: String

    /// The clear value of a reference, or `nil` with a warning when its variable or file is
    /// missing (the value stays sealed).
    func read(_ reference: SecretReference, diagnostics: inout [ConfigDiagnostic]) -> String? {
        switch reference {
        case .variable(let name):
            guard let value = variables[name] ?? ProcessEnvironment.value(of: name) else {
                diagnostics.append(
                    ConfigDiagnostic(
                        code: .unresolvedSecret,
                        message: "secret variable \(name) is not set; the value stays sealed"
                    )
                )
                return nil
            }
            return value
        case .file(let path):
            return readFile(PathText.isAbsolute(path) ? path : joinPath(directory, path), diagnostics: &diagnostics)
        }
    }

    private func readFile(_ path: String, diagnostics: inout [ConfigDiagnostic]) -> String? {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.contents(atPath: path, maxBytes: 64 * 1024)
        } catch {
            diagnostics.append(
                ConfigDiagnostic(
                    code: .unresolvedSecret,
                    message: "cannot read secret file \(path); the value stays sealed"
                )
            )
            return nil
        }
        (fileSystem as? any SecretReadRecording)?.markSecret(path)
        if let mode = fileSystem.permissions(atPath: path), mode & 0o077 != 0 {
            diagnostics.append(
                ConfigDiagnostic(
                    code: .looseSecretPermissions,
                    message: "secret file \(path) has mode \(String(mode, radix: 8)); run chmod 600 \(path)"
                )
            )
        }
        var text = bytes[...]
        if text.last == UInt8(ascii: "\n") { text = text.dropLast() }
        if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        return String(decoding: text, as: UTF8.self)
    }
}
