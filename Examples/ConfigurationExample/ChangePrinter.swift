import Configuration
import ServiceLifecycle

/// Prints the example's values each time the configuration changes, until graceful shutdown.
struct ChangePrinter: Service {
    let config: ConfigReader

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await config.watchSnapshot { snapshots in
                for await snapshot in snapshots.dropFirst() {
                    print("changed:")
                    snapshot.printExampleValues()
                }
            }
        }
    }
}
