import ArgumentParser
import BERSJSON

/// A command line whose subcommand does not exist (`bers resolv`), found so that the error can
/// suggest the command that was meant.
struct UnknownCommand {
    /// `unknown command "resolv" for bers; did you mean "resolve"? (commands: …)`.
    var message: String

    /// The first word of `arguments` that should name a subcommand and names none, if any.
    static func find(in arguments: [String], root: any ParsableCommand.Type) -> UnknownCommand? {
        var subcommands = CommandTree.subcommands(of: root)
        var path = [CommandTree.name(of: root)]
        for argument in arguments {
            guard !argument.hasPrefix("-"), argument != "help", !subcommands.isEmpty else { return nil }
            let names = subcommands.map { CommandTree.name(of: $0) }
            if let index = names.firstIndex(of: argument) {
                subcommands = CommandTree.subcommands(of: subcommands[index])
                path.append(argument)
                continue
            }
            let command = path.joined(separator: " ")
            var message = "unknown command \"\(argument)\" for \(command)"
            if let suggestion = Suggestions.closest(to: argument, in: names) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            message += " (commands: \(names.joined(separator: ", ")); see '\(command) --help')"
            return UnknownCommand(message: message)
        }
        return nil
    }
}
