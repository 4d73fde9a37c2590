import BERS

extension URLPlan {
    /// Checks that the plan renders exactly as BERS's endpoint renderer for probe values: every
    /// parameter given (with characters that need encoding, and `//` in sub-paths), each optional
    /// one left out, each required one empty, `..` in each sub-path, and `.` and `..` as whole
    /// values of the others.
    ///
    /// - Throws: ``BuildError`` `build.internal-mismatch` naming the endpoint and both results.
    func verify(against endpoint: Endpoint) throws(BuildError) {
        var full: [String: String] = [:]
        for (index, name) in parameters.enumerated() {
            full[name] =
                subPathParameters.contains(name) || endpointKeepsSlashes(name)
                ? "p\(index)//a b/c~" : "v\(index) x/&?#é"
        }
        var probes = [full]
        for name in optional { probes.append(full.filter { $0.key != name }) }
        if optional.count > 1 { probes.append(full.filter { !optional.contains($0.key) }) }
        for name in required { probes.append(full.merging([name: ""]) { $1 }) }
        for name in subPathParameters { probes.append(full.merging([name: "a/../b"]) { $1 }) }
        for name in parameters where !subPathParameters.contains(name) {
            probes.append(full.merging([name: "."]) { $1 })
            probes.append(full.merging([name: ".."]) { $1 })
        }

        for probe in probes {
            let expected: Result<String, ConfigError>
            do { expected = .success(try endpoint.url(probe)) } catch { expected = .failure(error) }
            let actual = render(probe)
            let agrees: Bool
            switch (expected, actual) {
            case (.success(let a), .success(let b)): agrees = a == b
            case (.failure(let error), .failure(.missing(let name))):
                agrees = error.code == .missingParameter && error.message.contains("\"\(name)\"")
            case (.failure(let error), .failure(.dotDot(let name))):
                agrees = error.code == .invalidURL && error.message.contains("\"\(name)\"")
            default: agrees = false
            }
            guard agrees else {
                // A URL that carries a secret is not repeated, even in a report of a bug.
                let results =
                    endpoint.isSecret
                    ? "a URL other than BERS's (not shown: it carries a secret)"
                    : "\(actual) where BERS gives \(expected)"
                throw BuildError(
                    .internalMismatch,
                    "endpoint \"\(name)\": the generated builder would give \(results) for \(probe.sorted { $0.key < $1.key }); please report this"
                )
            }
        }
    }

    private func endpointKeepsSlashes(_ name: String) -> Bool {
        (path + query.flatMap { $0 } + (fragment ?? []))
            .contains { piece in
                if case .slot(name, true) = piece { return true }
                return false
            }
    }
}
