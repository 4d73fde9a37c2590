import ArgumentParser
import BERS
import BERSJSON

/// `bers fmt`: pretty-print JSON files in place, or check that they are.
struct FormatCommand: ParsableCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format JSON files (two-space pretty print, or canonical JSON), or check them.",
        discussion: """
            Every file is parsed first; if any does not parse, its file:line:col: message is printed, \
            nothing is written, and the exit status is 2. With --check nothing is written and the \
            status is 1 when a file is not formatted. Files are replaced atomically.
            """
    )

    @Argument(help: "The JSON files.")
    var files: [String]

    @Flag(help: "Write nothing; exit 1 if a file would change.")
    var check = false

    @Flag(help: "Use canonical JSON (RFC 8785: sorted keys, no whitespace, shortest numbers).")
    var canonical = false

    @Flag(help: "Print the formatted text instead of writing files.")
    var stdout = false

    @Flag(help: "Print, as JSON, each file with its status: formatted, unchanged or not-formatted (--check).")
    var json = false

    var structuredOutput: StructuredFormat? { json ? .json : nil }

    func validate() throws {
        if files.isEmpty { throw ValidationError("Please give at least one file.") }
        if json && stdout { throw ValidationError("--json and --stdout both print to standard output; give one.") }
    }

    func run() throws {
        let fileSystem = LocalFileSystem()
        let serializer = JSONSerializer(style: canonical ? .canonical : .pretty)
        var formatted: [(path: String, original: [UInt8], output: [UInt8])] = []
        var failures: [any BERSError] = []
        for path in files {
            do {
                let bytes = try fileSystem.contents(atPath: path)
                let document = try JSONParser().parse(bytes, file: path)
                var output = serializer.bytes(document.value)
                if canonical { output.append(UInt8(ascii: "\n")) }
                formatted.append((path, bytes, output))
            } catch let error as JSONError {
                failures.append(error)
            } catch let error as ConfigError {
                failures.append(error)
            }
        }
        // Every failure is printed; the last one is the command's error (and its JSON report).
        if let last = failures.last {
            for failure in failures.dropLast() { Output.error(failure.description) }
            throw last
        }
        var unformatted = 0
        var changed: [(path: String, bytes: [UInt8])] = []
        var statuses: [JSONValue] = []
        for file in formatted {
            let differs = file.original != file.output
            statuses.append([
                "path": .string(file.path),
                "status": .string(!differs ? "unchanged" : check ? "not-formatted" : "formatted"),
            ])
            guard differs || stdout else { continue }
            if stdout {
                Output.raw(String(decoding: file.output, as: UTF8.self))
            } else if check {
                if !json { Output.diagnostic("\(file.path): not formatted") }
                unformatted += 1
            } else {
                changed.append((file.path, file.output))
            }
        }
        // All files are replaced together, or none.
        try fileSystem.writeAll(changed)
        if json {
            Output.raw(JSONSerializer(style: .pretty).string(["files": .array(statuses)]))
        } else {
            for file in changed { Output.line("formatted \(file.path)") }
        }
        if unformatted > 0 { throw ExitCode(ExitStatus.invalid) }
    }
}
