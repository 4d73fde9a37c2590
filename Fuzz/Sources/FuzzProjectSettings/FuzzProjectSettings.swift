import BERS
import BERSJSON
import FuzzSupport

/// `bers.json`: the settings reader, then a whole project built on them (custom environments,
/// detection rules, merge strategies, schema path, tenants) resolving every environment.
///
/// Properties: a typed error or a result, never a crash; an error carries a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProjectSettings(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start, count).bytes
    if let document = try? JSONParser().parse(bytes, file: "bers.json") {
        do { _ = try ProjectSettings(document: document) } catch {
            fuzzCheck(!error.message.isEmpty, "a settings error without a message: \(error.code)")
        }
    }
    let files = InMemoryFileSystem(bytes: [
        "config/bers.json": bytes,
        "config/default.json": Array(#"{"api": {"timeout": 1, "baseUrl": "https://a.example"}, "list": [1, 2]}"#.utf8),
        "config/staging.json": Array(#"{"api": {"timeout": 2}, "list": [3]}"#.utf8),
    ])
    do {
        let project = try ConfigProject(directory: "config", fileSystem: files)
        for environment in project.catalog.names.prefix(8) {
            _ = try? project.resolve(try project.environment(named: environment))
        }
    } catch {
        fuzzCheck(!error.message.isEmpty, "a project error without a message: \(error.code)")
    }
    return 0
}
