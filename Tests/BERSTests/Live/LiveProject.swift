import BERSTestSupport
import Foundation

/// A config directory on disk for hot-reload tests: a schema requiring `api.timeout` ≥ 1000, and
/// a `default.json` the test rewrites; a short debounce and poll interval.
struct LiveProject {
    let directory: TemporaryDirectory
    var path: String { directory.path }

    init(timeout: Int = 5000, debounceMilliseconds: Int = 20) throws {
        directory = try TemporaryDirectory(prefix: "bers-live")
        try Self.write(into: directory, timeout: timeout, debounceMilliseconds: debounceMilliseconds)
    }

    /// Writes the files of such a project into `folder` of `directory` (the directory itself
    /// when `folder` is empty).
    static func write(
        into directory: TemporaryDirectory,
        folder: String = "",
        timeout: Int,
        debounceMilliseconds: Int = 20
    ) throws {
        let prefix = folder.isEmpty ? "" : folder + "/"
        try directory.write(
            prefix + "bers.json",
            #"""
            {"schema": "schemas/app.schema.json",
             "reload": {"debounce-ms": \#(debounceMilliseconds), "poll-interval-ms": 20}}
            """#
        )
        try directory.write(
            prefix + "schemas/app.schema.json",
            #"""
            {"type": "object", "required": ["api"],
             "properties": {"api": {"type": "object", "required": ["timeout"],
                                    "properties": {"timeout": {"type": "integer", "minimum": 1000}}}}}
            """#
        )
        try directory.write(prefix + "default.json", layer(timeout: timeout))
    }

    /// The text of a `default.json` with `api.timeout` `timeout`.
    static func layer(timeout: Int, extra: String = "") -> String {
        #"{"api": {"timeout": \#(timeout)\#(extra)}, "name": "app"}"#
    }

    /// Rewrites `default.json` in place.
    func write(timeout: Int, extra: String = "") throws {
        try directory.write("default.json", Self.layer(timeout: timeout, extra: extra))
    }

    /// Writes `text` to `name` in place.
    func write(_ name: String, _ text: String) throws {
        try directory.write(name, text)
    }

    func remove() { directory.remove() }
}
