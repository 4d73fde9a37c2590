import BERS
import BERSJSON
import FuzzSupport

/// URL templates: parsing, then expansion through a resolved configuration.
///
/// An input is lines: the template, then `name=value` parameters. Properties: a template parses
/// or fails with `config.invalid-template`; expansion gives a URL or a typed error; when neither
/// the template nor the configuration holds a space or control character, the URL holds none
/// (parameter values are percent-encoded).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURLTemplate(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let lines = FuzzInput(start, count).text.split(separator: "\n", omittingEmptySubsequences: false)
    let template = lines.first.map(String.init) ?? ""
    var parameters: [String: String] = [:]
    for line in lines.dropFirst() {
        let pair = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        parameters[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
    }
    do { _ = try EndpointTemplate(name: "fuzz", text: template) } catch {
        fuzzCheck(error.code == .invalidTemplate, "an unexpected template error: \(error.code)")
    }
    expand(template, parameters)
    return 0
}

/// Expands `template` as the endpoint `fuzz` of a small configuration.
func expand(_ template: String, _ parameters: [String: String]) {
    let endpoints: JSONValue = .object([
        "fuzz": .string(template), "base": .string("{api.baseUrl}/v1"), "asset": .string("{cdn.base}/{+path}"),
    ])
    let configuration: JSONValue = .object([
        "api": .object(["baseUrl": .string("https://api.example.com"), "timeout": .integer(5)]),
        "cdn": .object(["base": .string("https://cdn.example.com/assets")]),
        "endpoints": endpoints,
    ])
    let files = InMemoryFileSystem(bytes: ["config/default.json": JSONSerializer().bytes(configuration)])
    let url: String
    do {
        let project = try ConfigProject(directory: "config", fileSystem: files)
        url = try project.resolve(.production).endpoints().url("fuzz", parameters)
    } catch {
        fuzzCheck(!error.message.isEmpty, "an error without a message: \(error.code)")
        return
    }
    if !template.utf8.contains(where: isSpaceOrControl) {
        fuzzCheck(!url.utf8.contains(where: isSpaceOrControl), "a space or control character in \(url)")
    }
}

func isSpaceOrControl(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }
