import BERSJSON

/// A `bers bench` run as `--save` stores it and `--baseline` reads it: the report and the facts of
/// the machine that made it.
///
/// ```json
/// {"format": "bers-bench/1",
///  "machine": {"date": "20261129T073012Z", "host": "ci-7", "cpus": 8, "bers-version": "0.1.0"},
///  "report": {"environment": "staging", "iterations": 500, "operations": [{"name": "detection", …}], …}}
/// ```
public struct BenchRun: Sendable, Hashable {
    /// The format tag of a saved run.
    public static let format = "bers-bench/1"

    /// Where and when the run was made.
    public var machine: MachineFacts
    /// What it measured.
    public var report: BenchReport

    /// A run with these values.
    public init(machine: MachineFacts, report: BenchReport) {
        self.machine = machine
        self.report = report
    }

    /// The run as JSON.
    public var jsonValue: JSONValue {
        [
            "format": .string(Self.format),
            "machine": [
                "date": .string(machine.date), "host": .string(machine.hostName),
                "cpus": .integer(Int64(machine.cpuCount)), "bers-version": .string(machine.bersVersion),
            ],
            "report": report.jsonValue,
        ]
    }

    /// Reads a saved run from the bytes of `file`.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-baseline` with the `file:line:col` of the problem
    ///   when the file is not JSON or not a saved run.
    public init(bytes: [UInt8], file: String) throws(ConfigError) {
        let document: JSONDocument
        do {
            document = try JSONParser().parse(bytes, file: file)
        } catch {
            throw ConfigError(
                .invalidBaseline,
                "\(file) is not a saved bench run: \(error.message)",
                location: error.location,
                underlying: error
            )
        }
        try self.init(document: document)
    }

    /// Reads a saved run from a parsed document (a `comparison` member, which `bers bench --format
    /// json --baseline` adds, is ignored).
    ///
    /// - Throws: ``ConfigError`` `config.invalid-baseline` at the offending value.
    public init(document: JSONDocument) throws(ConfigError) {
        let reader = DocumentReader(document, code: .invalidBaseline)
        guard try reader.string(at: "/format") == Self.format else {
            throw reader.fail("/format", "expected \"\(Self.format)\": not a run saved by bers bench --save")
        }
        try reader.rejectUnknownKeys(at: .root, allowed: ["format", "machine", "report", "comparison"])
        try reader.rejectUnknownKeys(at: "/machine", allowed: ["date", "host", "cpus", "bers-version"])
        machine = MachineFacts(
            date: try reader.requiredString(at: "/machine/date"),
            hostName: try reader.requiredString(at: "/machine/host"),
            cpuCount: try reader.requiredInteger(at: "/machine/cpus", range: 1...1_000_000),
            bersVersion: try reader.requiredString(at: "/machine/bers-version")
        )
        report = try BenchReport(reader: reader, at: "/report")
    }
}
