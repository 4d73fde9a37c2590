@testable import BERS

/// A ``LiveProject`` followed by a live configuration through a ``WatcherBox``'s watchers.
struct WatchedProject {
    let project: LiveProject
    let box = WatcherBox()
    let live: LiveConfiguration

    init(debounceMilliseconds: Int = 20) throws {
        project = try LiveProject(debounceMilliseconds: debounceMilliseconds)
        live = try box.start(project)
    }

    /// Stops watching and deletes the directory.
    func close() {
        live.stop()
        project.remove()
    }
}

extension LiveConfiguration {
    /// Waits (at most `milliseconds`) until the current `api.timeout` is `timeout`.
    func waitForTimeout(_ timeout: Int, milliseconds: Int = 5000) async -> Bool {
        for _ in 0..<(milliseconds / 10) {
            if (try? current.configuration.int("api.timeout")) == timeout { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return (try? current.configuration.int("api.timeout")) == timeout
    }
}
