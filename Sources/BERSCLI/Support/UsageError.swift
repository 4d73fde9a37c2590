import BERSJSON

/// A mistake on the command line itself (an unknown option or command, a missing argument).
struct UsageError: BERSError {
    /// The one code of usage errors, `cli.usage`.
    struct Code: BERSErrorCode {
        let rawValue = "cli.usage"
    }

    let code = Code()
    let message: String
    var location: SourceLocation? { nil }
}
