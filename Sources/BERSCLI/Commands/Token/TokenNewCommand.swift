import ArgumentParser
import BERS
import BERSJSON

/// `bers token new`: a new random token, printed once, and the tokens-file entry that accepts it.
struct TokenNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print a new random bearer token once, and the entry to add to the tokens file.",
        discussion: """
            The token (64 hex digits, 256 random bits) goes to stdout on the first line; the \
            entry, which holds only its SHA-256, on the next. The token is not stored anywhere: \
            copy it now. Scopes: config:read:<env|*>, tenant:read:<hash|*>, secrets:read, \
            metrics:read, admin.
            """
    )

    @Option(help: "Who holds the token (logged instead of the token).")
    var name: String

    @Option(name: .customLong("scope"), help: ArgumentHelp("A scope of the token (repeatable).", valueName: "scope"))
    var scopes: [String] = []

    func validate() throws {
        guard !name.isEmpty else { throw ValidationError("--name must not be empty") }
        guard !scopes.isEmpty else { throw ValidationError("give at least one --scope") }
        for scope in scopes where AccessScope(scope) == nil {
            throw ValidationError(
                "unknown scope \"\(scope)\"; scopes are config:read:<env|*>, tenant:read:<hash|*>, secrets:read, metrics:read, admin"
            )
        }
    }

    func run() throws {
        let (token, entry) = AccessTokens.newToken(name: name, scopes: scopes.compactMap(AccessScope.init))
        Output.line(token)
        Output.line(JSONSerializer(style: .compact).string(entry))
    }
}
