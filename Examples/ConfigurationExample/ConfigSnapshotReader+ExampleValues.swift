import Configuration

extension ConfigSnapshotReader {
    /// Prints the values the example shows, all read from this one snapshot.
    func printExampleValues() {
        print("  api.timeout   = \(int(forKey: "api.timeout", default: 5000))")
        print("  api.retries   = \(int(forKey: "api.retries", default: 0))")
        print("  api.baseUrl   = \(string(forKey: "api.baseUrl", default: "?"))")
        print("  logging.level = \(string(forKey: "logging.level", default: "info"))")
        print("  widget.debug  = \(bool(forKey: "widget.debug", default: false))")
    }
}
