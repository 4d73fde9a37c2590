import BERSJSON

extension DoctorExamination {
    /// Judges every value of the configuration (see ``DoctorValueChecks``).
    mutating func examineValues() {
        let checks = DoctorValueChecks()
        for value in values {
            for (rule, message) in checks.check(value) {
                add(rule, message, pointer: value.pointer, location: value.location)
            }
        }
    }

    /// Turns the resolution's warnings about secrets into findings.
    mutating func examineDiagnostics() {
        for diagnostic in configuration.diagnostics {
            switch diagnostic.code {
            case .unresolvedSecret: add(.unresolvedSecret, diagnostic.message, location: diagnostic.location)
            case .looseSecretPermissions: add(.looseSecretFile, diagnostic.message, location: diagnostic.location)
            default: continue
            }
        }
    }
}
