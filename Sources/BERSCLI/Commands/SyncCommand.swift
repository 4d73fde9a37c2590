import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers sync --from STORE --to STORE`: copy a store's mappings, tenant documents and layers.
struct SyncCommand: AsyncParsableCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Copy mappings, tenant documents and stored layers from one store to another, verifying each copy.",
        discussion: """
            Stores: file://DIR, s3://bucket/prefix, etcd://host:port/prefix. Every object under \
            mappings/, tenants/ and config/ is copied unless the target holds the same bytes; each write \
            is conditional on the version read from the target, then read back and compared. \
            --config-from DIR also copies a local config directory (without local.* layers) to config/, \
            which is what bers serve --config-dir etcd://… reads. Exit 1 when a copy fails, or when \
            the --from store holds no mappings and no tenant documents (a mistyped prefix) unless \
            --allow-empty is given.
            """
    )

    @Option(help: ArgumentHelp("The store to copy from.", valueName: "url"))
    var from: String?

    @Option(help: ArgumentHelp("The store to copy to.", valueName: "url"))
    var to: String

    @Option(
        name: .customLong("config-from"),
        help: ArgumentHelp("A config directory to copy to config/ in the target.", valueName: "dir")
    )
    var configFrom: String?

    @Flag(name: .customLong("dry-run"), help: "Compare only: say what would be copied, write nothing.")
    var dryRun = false

    @Flag(
        name: .customLong("allow-empty"),
        help: "Exit 0 when the --from store holds no mappings and no tenant documents (it still warns)."
    )
    var allowEmpty = false

    @Option(
        name: .customLong("s3-endpoint"),
        help: "An S3-compatible endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS)."
    )
    var s3Endpoint: String?

    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    /// Whether a store of this command needs the network.
    var mayUseRemoteStore: Bool { [from, to].contains { $0.map(TenantStoreOptions.isRemote) ?? false } }

    func validate() throws {
        if from == nil && configFrom == nil { throw ValidationError("give --from STORE, --config-from DIR, or both") }
    }

    func run() async throws {
        let (outcome, sourceIsEmpty) = try await copy()
        report(outcome)
        if sourceIsEmpty, let from {
            Output.diagnostic(
                "warning: \(from) holds no mappings and no tenant documents; is the prefix right?"
                    + (allowEmpty ? "" : " (--allow-empty accepts an empty source)")
            )
        }
        guard outcome.failed.isEmpty, !sourceIsEmpty || allowEmpty else { throw ExitCode(ExitStatus.invalid) }
    }

    /// Copies the config directory and the source store; also says whether the source held no
    /// mapping and no tenant document.
    private func copy() async throws -> (StoreSync.Outcome, sourceIsEmpty: Bool) {
        try await withStore(to) { target in
            var outcome = StoreSync.Outcome()
            if let configFrom {
                let copied = try await StoreSync(from: target, to: target)
                    .copyConfiguration(directory: configFrom, dryRun: dryRun)
                outcome.merge(copied)
            }
            guard let from else { return (outcome, false) }
            let copied = try await withStore(from) { source in
                try await StoreSync(from: source, to: target).run(dryRun: dryRun)
            }
            outcome.merge(copied)
            return (outcome, !copied.holdsTenants)
        }
    }

    private func report(_ outcome: StoreSync.Outcome) {
        let failures: [JSONValue] = outcome.failed.map { ["key": .string($0.key), "error": $0.error.jsonValue] }
        let structured: JSONValue = [
            "copied": .array(outcome.copied.map(JSONValue.string)),
            "unchanged": .array(outcome.unchanged.map(JSONValue.string)), "failed": .array(failures),
            "dry_run": .bool(dryRun),
        ]
        if output.printStructured(structured) { return }
        let verb = dryRun ? "would copy" : "copied"
        for key in outcome.copied { Output.line("\(verb) \(key)") }
        for failure in outcome.failed { Output.error("error: \(failure.key): \(failure.error.message)") }
        Output.line(
            "\(verb) \(outcome.copied.count), unchanged \(outcome.unchanged.count), failed \(outcome.failed.count)"
                + Self.summary(dryRun: dryRun, copied: outcome.copied.count, failed: outcome.failed.count)
        )
    }

    /// The end of the report's last line: only a run where nothing failed verified every copy.
    static func summary(dryRun: Bool, copied: Int, failed: Int) -> String {
        if dryRun { return "; nothing was written" }
        if failed == 0 { return "; every copy verified" }
        return copied == 0 ? "" : "; the \(copied) copied were verified"
    }

    /// Runs `body` with the store at `url`.
    private func withStore<Result: Sendable>(
        _ url: String,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        let request = RemoteStoreRequest(
            url: url,
            s3Endpoint: s3Endpoint,
            environment: ProcessInfo.processInfo.environment
        )
        return try await TenantStoreOptions.withStore(request, relativeTo: ".", body)
    }
}

extension StoreSync.Outcome {
    /// Whether the source held a mapping or a tenant document (copied, unchanged or failed).
    var holdsTenants: Bool {
        let keys = copied + unchanged + failed.map(\.key)
        return keys.contains { $0.hasPrefix("mappings/") || $0.hasPrefix("tenants/") }
    }

    /// Adds `other`'s keys to these.
    mutating func merge(_ other: StoreSync.Outcome) {
        copied += other.copied
        unchanged += other.unchanged
        failed += other.failed
    }
}
