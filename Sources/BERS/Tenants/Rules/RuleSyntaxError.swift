/// A problem in the text of a rule (a pattern, a template, a version), before it is located in
/// `bers.json`.
struct RuleSyntaxError: Error {
    /// What is wrong.
    var message: String

    init(_ message: String) { self.message = message }
}
