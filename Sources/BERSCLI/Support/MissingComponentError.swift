import BERSJSON

/// A part of BERS that the command needs is not installed.
struct MissingComponentError: BERSError {
    /// The one code of this error, `cli.missing-component`.
    struct Code: BERSErrorCode {
        let rawValue = "cli.missing-component"
    }

    let code = Code()
    let message: String
    var location: SourceLocation? { nil }
}
