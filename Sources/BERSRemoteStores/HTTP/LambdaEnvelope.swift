import BERS
import BERSJSON
import Foundation

/// An AWS Lambda proxy response, `{"statusCode": 200, "headers": {…}, "body": …}`, as an API in
/// front of the bucket may send it instead of the bare document.
///
/// `body` is a JSON string (the document as text, or base64 with `"isBase64Encoded": true`) or
/// the document itself as an object or array.
///
/// ```swift
/// let envelope = try LambdaEnvelope.unwrap(Array(#"{"statusCode":200,"body":"{\"a\":1}"}"#.utf8))
/// envelope?.body  // the bytes of {"a":1}
/// ```
public struct LambdaEnvelope: Sendable, Hashable {
    /// The status the function answered.
    public var statusCode: Int
    /// The function's headers, names in lower case.
    public var headers: [String: String]
    /// The document bytes (empty when the body was `null` or absent).
    public var body: [UInt8]

    /// Unwraps an envelope.
    ///
    /// A body is taken for an envelope when it is a JSON object with a `statusCode` member and a
    /// `body`, `headers` or `isBase64Encoded` member (tenant documents have none of these at the top).
    ///
    /// - Parameter bytes: A response body.
    /// - Returns: The envelope, or `nil` when `bytes` is not one (the body is then the document).
    /// - Throws: ``TenantError`` `tenant.store-bad-response` when it is an envelope but malformed
    ///   (a status that is not an integer from 100 to 599, a body of another type, bad base64).
    public static func unwrap(_ bytes: [UInt8]) throws(TenantError) -> LambdaEnvelope? {
        guard bytes.first(where: { !isJSONSpace($0) }) == UInt8(ascii: "{"), contains(bytes, Self.statusCodeMarker)
        else { return nil }
        guard let document = try? JSONParser(options: .init(recordPositions: false)).parse(bytes),
            case .object(let object) = document.value, let status = object["statusCode"],
            object.contains(key: "body") || object.contains(key: "headers") || object.contains(key: "isBase64Encoded")
        else { return nil }

        guard case .integer(let code) = status, (100...599).contains(code) else {
            throw TenantError(
                .storeBadResponse,
                "The Lambda envelope's statusCode is not an HTTP status (\(status.jsonText))."
            )
        }
        var headers: [String: String] = [:]
        if case .object(let headerObject)? = object["headers"] {
            for (name, value) in headerObject {
                switch value {
                case .string(let text): headers[name.lowercased()] = text
                case .integer, .double, .bool: headers[name.lowercased()] = value.jsonText
                default: continue
                }
            }
        }
        let isBase64 = object["isBase64Encoded"] == .bool(true)
        let body: [UInt8]
        switch object["body"] {
        case nil, .null?:
            body = []
        case .string(let text)?:
            if isBase64 {
                guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                    throw TenantError(.storeBadResponse, "The Lambda envelope's base64 body cannot be decoded.")
                }
                body = [UInt8](data)
            } else {
                body = Array(text.utf8)
            }
        case .object?, .array?:
            body = object["body"].map { JSONSerializer().bytes($0) } ?? []
        case .some(let other):
            throw TenantError(
                .storeBadResponse,
                "The Lambda envelope's body is a \(other.typeName), not a string or an object."
            )
        }
        return LambdaEnvelope(statusCode: Int(code), headers: headers, body: body)
    }

    private static let statusCodeMarker = Array("\"statusCode\"".utf8)

    private static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
