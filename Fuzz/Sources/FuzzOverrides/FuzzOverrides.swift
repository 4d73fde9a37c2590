import BERS
import BERSJSON
import FuzzSupport

/// `BERS__SECTION__KEY=value` variables and `--set path=value` arguments over a configuration.
///
/// An input is `default.json NUL lines`, each line `NAME=value` (a variable when it starts with
/// `BERS__`, else a `--set` argument). Properties: a resolved configuration or a typed error
/// (`config.invalid-override`, `config.ambiguous-override-path`, `config.unknown-override`, …),
/// never a crash; resolving twice gives the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOverrides(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let parts = FuzzInput(start, count).parts(limit: 2)
    let layer = parts.count == 2 ? Array(parts[0]) : Array(#"{"api": {"timeout": 1, "Mode": "a", "list": [1]}}"#.utf8)
    var variables: [String: String] = [:]
    var assignments: [String] = []
    for line in FuzzInput.text(parts[parts.count - 1]).split(separator: "\n") {
        if line.hasPrefix("BERS__") {
            let pair = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            variables[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        } else {
            assignments.append(String(line))
        }
    }
    let files = InMemoryFileSystem(bytes: ["config/default.json": layer])
    let options = ResolveOptions(environmentVariables: variables, assignments: assignments)
    do {
        let project = try ConfigProject(directory: "config", fileSystem: files)
        let first = try project.resolve(.production, options: options)
        let second = try project.resolve(.production, options: options)
        fuzzCheck(first.value.isIdentical(to: second.value), "resolving twice gave different values")
    } catch {
        fuzzCheck(!error.message.isEmpty, "an error without a message: \(error.code)")
    }
    return 0
}
