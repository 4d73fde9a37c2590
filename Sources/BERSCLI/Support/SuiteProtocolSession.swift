#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BERS
import BERSJSON
import BERSSchema

/// The persistent `jsts-lines/1` protocol of `../shared/tools/suite_runner.py`: one compact JSON
/// object per line on standard input, one reply per line on standard output.
///
/// `start` registers the remotes; each `case` compiles its schema with the case's default dialect
/// and format assertion and answers one boolean per instance (or an `error` when the schema does
/// not compile); `stop` ends the session.
struct SuiteProtocolSession {
    private var registry = SchemaRegistry()

    /// Serves requests until `stop` or the end of input.
    func run() {
        var session = self
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty else { continue }
            guard
                let request = try? JSONParser(options: .init(recordPositions: false)).parse(line, file: "<stdin>").value
            else {
                session.reply(["error": "the request is not JSON"])
                continue
            }
            switch request["type"]?.stringValue {
            case "start":
                session.registry = SchemaRegistry()
                if case .object(let remotes)? = request["remotes"] {
                    for (uri, document) in remotes { session.registry.register(document, at: uri) }
                }
                session.reply(["ok": true, "name": "bers", "version": .string(BERSVersion.current)])
            case "case":
                session.reply(session.answer(request))
            case "stop":
                return
            default:
                session.reply(["error": "unknown request type"])
            }
        }
    }

    private func answer(_ request: JSONValue) -> JSONValue {
        let id = request["id"] ?? .null
        var options = ValidatorOptions(
            formatAssertion: request["format_assertion"]?.boolValue ?? false,
            registry: registry
        )
        if let uri = request["dialect"]?.stringValue, let dialect = Dialect(uri: uri) {
            options.defaultDialect = dialect
        }
        let validator: SchemaValidator
        do {
            validator = try SchemaValidator(schema: request["schema"] ?? .bool(true), options: options)
        } catch {
            return ["id": id, "error": .string(error.message)]
        }
        let results = (request["instances"]?.arrayValue ?? []).map { JSONValue.bool(validator.isValid($0)) }
        return ["id": id, "results": .array(results)]
    }

    private func reply(_ value: JSONValue) {
        var text = JSONSerializer(style: .compact).string(value) + "\n"
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(1, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
