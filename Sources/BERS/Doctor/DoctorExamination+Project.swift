import BERSJSON

extension DoctorExamination {
    /// Judges the `detection` settings: an unrestricted URL parameter, hostname rules shared
    /// with another environment, and fallback on misspelt names.
    mutating func examineDetection() {
        let detection = project.settings.detection
        if detection.isEnabled(.urlParameter), detection.urlParameterAllowed == nil {
            add(
                .urlParameterUnrestricted,
                "?\(detection.urlParameterName)= may select any environment, so a link can point a page at another environment's services",
                location: settingLocation("/detection/url-parameter")
            )
        }
        if !detection.strict {
            add(
                .detectionNotStrict,
                "a misspelt environment name in a detection source falls back to the next source with a warning",
                location: settingLocation("/detection")
            )
        }
        examineHostnameRules(detection.hostnameRules)
        for (index, origin) in project.settings.serve.allowedOrigins.enumerated() where origin == "*" {
            let pointer = JSONPointer(tokens: ["serve", "allow-origins", String(index)])
            add(.corsWildcard, "bers serve allows every origin", location: settingLocation(pointer))
        }
    }

    private mutating func examineHostnameRules(_ rules: HostnameRules) {
        guard rules.rules.count > 1, project.settings.detection.isEnabled(.hostnamePattern) else { return }
        let name = configuration.environment.name
        let located = locatedRules(rules)
        for (first, one) in located.enumerated() {
            for other in located[(first + 1)...] where one.rule.environment != other.rule.environment {
                guard one.rule.environment == name || other.rule.environment == name,
                    let host = one.rule.pattern.sharedHost(with: other.rule.pattern)
                else { continue }
                add(
                    .overlappingHostnames,
                    "\(one.rule.pattern.text) (\(one.rule.environment)) and \(other.rule.pattern.text) (\(other.rule.environment)) both match \(host); \(outcome(rules.match(host)))",
                    location: other.location ?? one.location
                )
            }
        }
    }

    private func outcome(_ match: HostnameRules.Match) -> String {
        switch match {
        case .matched(let environment, let pattern): "the more specific \(pattern.text) wins, giving \(environment)"
        case .ambiguous(let environments, _):
            "detection cannot choose between \(environments.joined(separator: " and "))"
        case .none: "neither applies"
        }
    }

    private func locatedRules(_ rules: HostnameRules) -> [(rule: HostnameRules.Rule, location: SourceLocation?)] {
        var counts: [String: Int] = [:]
        return rules.rules.map { rule in
            let index = counts[rule.environment, default: 0]
            counts[rule.environment] = index + 1
            let pointer = JSONPointer(tokens: [
                "detection", "hostname-pattern", "rules", rule.environment, String(index),
            ])
            return (rule, settingLocation(pointer))
        }
    }

    /// Judges the `tenants` settings: a salt written in `bers.json`.
    mutating func examineTenants() {
        guard let document = project.settings.document, document.value["tenants"] != nil else { return }
        if case .string? = document.value[pointer: "/tenants/salt"] {
            add(
                .plaintextSalt,
                "the tenant hash salt is written in bers.json",
                pointer: "/tenants/salt",
                location: document.location(of: "/tenants/salt")
            )
        } else {
            add(
                .plaintextSalt,
                "tenants use the built-in salt, which is published with BERS",
                location: document.location(of: "/tenants")
            )
        }
    }
}
