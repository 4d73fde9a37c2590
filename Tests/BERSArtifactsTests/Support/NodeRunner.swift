import BERSJSON
import BERSTestSupport
import Foundation

/// Loads generated modules under node and reads back what a script prints as JSON.
enum NodeRunner {
    enum Failure: Error, CustomStringConvertible {
        case missingNode
        case failed(Int32, String)
        var description: String {
            switch self {
            case .missingNode: "node not found"
            case .failed(let status, let stderr): "node exited with \(status): \(stderr)"
            }
        }
    }

    /// Writes `module` as `module.mjs` beside a `main.mjs` holding `script`, runs it, and parses the
    /// last line it prints as JSON.
    static func run(module: String, script: String, environment: [String: String] = [:]) throws -> JSONValue {
        guard let node = ExternalTool.node else { throw Failure.missingNode }
        let directory = try TemporaryDirectory(prefix: "bers-node")
        defer { directory.remove() }
        try directory.write("module.mjs", module)
        try directory.write("main.mjs", script)
        let result = try node.run(
            [directory.url.appendingPathComponent("main.mjs").path],
            in: directory.url,
            environment: environment
        )
        guard result.status == 0 else { throw Failure.failed(result.status, result.stderr) }
        let line = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONParser().parse(Array(line.utf8), file: "node").value
    }
}
