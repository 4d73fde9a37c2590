/// The trace texts of a detector that depend only on its settings, written once when the detector
/// is made rather than on every detection.
struct DetectionReasons: Sendable {
    /// `none of BERS_ENV, APP_ENV is set`.
    let noVariableSet: String
    /// `the URL has no bers-env parameter`.
    let noURLParameter: String
    /// `the URL sets bers-env to different values`.
    let conflictingURLValues: String
    /// `a URL may only select development, staging`, when the URL parameter has an allow list.
    let urlNotAllowed: String?
    /// `URL parameter bers-env`.
    let urlAccepted: String
    /// `no hostname rules configured` or `no rule matches`.
    let noHostnameMatch: String
    /// `hostname matches *.example.com`, one per hostname rule, in the rules' order.
    let hostnameMatches: [String]

    init(_ settings: DetectionSettings) {
        let parameter = settings.urlParameterName
        noVariableSet = "none of \(settings.variables.joined(separator: ", ")) is set"
        noURLParameter = "the URL has no \(parameter) parameter"
        conflictingURLValues = "the URL sets \(parameter) to different values"
        urlNotAllowed = settings.urlParameterAllowed.map { "a URL may only select \($0.joined(separator: ", "))" }
        urlAccepted = "URL parameter \(parameter)"
        let rules = settings.hostnameRules.rules
        noHostnameMatch = rules.isEmpty ? "no hostname rules configured" : "no rule matches"
        hostnameMatches = rules.map { "hostname matches \($0.pattern.text)" }
    }
}
