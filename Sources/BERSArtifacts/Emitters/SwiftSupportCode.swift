/// The fixed parts of the Swift artifact: the URL builder behind the endpoint functions, and the
/// `Value` enum for values whose parts have different types.
enum SwiftSupportCode {
    /// `URLError`, and the file-private renderer the endpoint functions call.
    ///
    /// It renders as BERS's
    /// `Endpoint.url(_:)` does (the plans are verified against it when the file is built).
    static func writeURLSupport(root: String, access: String, into writer: inout CodeWriter) {
        let code = #"""
            /// The error an endpoint function throws: a required parameter is empty, or a sub-path has
            /// a `..` segment. The message is the one BERS gives.
            \#(access) struct URLError: Swift.Error, Swift.Sendable, Swift.Hashable, Swift.CustomStringConvertible {
                /// The endpoint.
                \#(access) let endpoint: Swift.String
                /// The parameter at fault.
                \#(access) let parameter: Swift.String
                /// What is wrong.
                \#(access) let message: Swift.String
                /// The message.
                \#(access) var description: Swift.String { message }
            }

            fileprivate enum URLPiece {
                case text(Swift.String)
                case value(Swift.String?, keepSlashes: Swift.Bool)
            }

            fileprivate enum URLBuilder {
                static func render(
                    endpoint: Swift.String, required: [(Swift.String, Swift.String)], subPaths: [(Swift.String, Swift.String?)],
                    path: [URLPiece], query: [[URLPiece]], fragment: [URLPiece]?, collapsesPath: Swift.Bool
                ) throws(URLError) -> Swift.String {
                    for (name, value) in required where value.isEmpty {
                        throw URLError(
                            endpoint: endpoint, parameter: name,
                            message: "endpoint \"\(endpoint)\": parameter \"\(name)\" is required")
                    }
                    for (name, value) in subPaths {
                        if let value, value.utf8.split(separator: 0x2F, omittingEmptySubsequences: false)
                            .contains(where: { $0.elementsEqual("..".utf8) }) {
                            throw URLError(
                                endpoint: endpoint, parameter: name,
                                message: "endpoint \"\(endpoint)\": parameter \"\(name)\" must not contain '..' segments")
                        }
                    }
                    var url = ""
                    for piece in path {
                        switch piece {
                        case .text(let text): url += text
                        case .value(let value, let keepSlashes):
                            if let value, !value.isEmpty { url += encode(value, keepSlashes: keepSlashes) }
                        }
                    }
                    if collapsesPath { url = collapse(url) }
                    var first = true
                    for item in query {
                        guard let text = join(item), !text.isEmpty else { continue }
                        url += (first ? "?" : "&") + text
                        first = false
                    }
                    if let fragment, let text = join(fragment), !text.isEmpty { url += "#" + text }
                    return url
                }

                /// The pieces' text, or nil when an optional value is missing.
                private static func join(_ pieces: [URLPiece]) -> Swift.String? {
                    var text = ""
                    for piece in pieces {
                        switch piece {
                        case .text(let literal): text += literal
                        case .value(let value, let keepSlashes):
                            guard let value, !value.isEmpty else { return nil }
                            text += encode(value, keepSlashes: keepSlashes)
                        }
                    }
                    return text
                }

                /// Every byte but A-Z a-z 0-9 - . _ ~ (and / in a sub-path) as %XX of its UTF-8.
                private static func encode(_ value: Swift.String, keepSlashes: Swift.Bool) -> Swift.String {
                    if !keepSlashes && (value == "." || value == "..") { return value == "." ? "%2E" : "%2E%2E" }
                    let digits: [Swift.UInt8] = Swift.Array("0123456789ABCDEF".utf8)
                    var bytes: [Swift.UInt8] = []
                    for byte in value.utf8 {
                        switch byte {
                        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: bytes.append(byte)
                        case 0x2F where keepSlashes: bytes.append(byte)
                        default: bytes += [0x25, digits[Swift.Int(byte >> 4)], digits[Swift.Int(byte & 0x0F)]]
                        }
                    }
                    return Swift.String(decoding: bytes, as: Swift.UTF8.self)
                }

                /// Runs of / collapsed to one, after the first "://".
                private static func collapse(_ url: Swift.String) -> Swift.String {
                    let bytes = Swift.Array(url.utf8)
                    var start = 0
                    var index = 0
                    while index + 2 < bytes.count {
                        if bytes[index] == 0x3A && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F {
                            start = index + 3
                            break
                        }
                        index += 1
                    }
                    var output = Swift.Array(bytes[0..<start])
                    for byte in bytes[start...] where !(byte == 0x2F && output.last == 0x2F && output.count > start) {
                        output.append(byte)
                    }
                    return Swift.String(decoding: output, as: Swift.UTF8.self)
                }
            }
            """#
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) { writer.line(String(line)) }
    }

    /// `Value` and `Member`: any JSON value, exactly.
    static func writeValue(access: String, into writer: inout CodeWriter) {
        let code = #"""
            /// Any JSON value, for configuration values whose parts have different types.
            \#(access) enum Value: Swift.Sendable, Swift.Hashable {
                case null
                case bool(Swift.Bool)
                case integer(Swift.Int)
                case double(Swift.Double)
                case string(Swift.String)
                case array([Value])
                case object([Member])
            }

            /// A member of an object ``Value``, in document order.
            \#(access) struct Member: Swift.Sendable, Swift.Hashable {
                /// The key.
                \#(access) let key: Swift.String
                /// The value.
                \#(access) let value: Value
            }
            """#
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) { writer.line(String(line)) }
    }
}
