import BERSJSON
import Foundation

/// The checks and tallies of one seed's run of ``JSONDifferentialTests``.
struct JSONDifferentialRun {
    /// The seed, named in every failure.
    let seed: UInt64
    /// What went wrong, one line each, with the seed, the case and the input.
    var failures: [String] = []
    /// Texts checked.
    var texts = 0
    /// Texts BERS accepted.
    var accepted = 0
    /// Texts where Foundation and the oracle disagree, by direction, with a few examples.
    var foundationDeviations: [String: (count: Int, examples: [String])] = [:]

    init(seed: UInt64) {
        self.seed = seed
    }

    /// The seed in hex.
    var seedText: String { "0x" + String(seed, radix: 16) }

    /// Checks one text: BERS against the oracle, BERS against Foundation, and the round trip.
    mutating func check(_ bytes: [UInt8], case index: Int, generatedValid: Bool) {
        texts += 1
        let label = "seed \(seedText) case \(index) \(generatedValid ? "valid" : "mutated") \(Self.show(bytes))"
        let oracle = RFC8259Recognizer.accepts(bytes)
        let bers = Result { () throws(JSONError) in try JSONParser().parse(bytes).value }
        let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        if generatedValid && !oracle { failures.append("generator made a text the oracle rejects: \(label)") }
        switch bers {
        case .success(let value):
            accepted += 1
            if !oracle { failures.append("BERS accepts what RFC 8259 forbids: \(label)") }
            if let foundation, let difference = FoundationJSONComparison.difference(value, foundation) {
                failures.append("BERS and Foundation differ at \(difference): \(label)")
            }
            checkRoundTrip(value, label: label)
        case .failure(let error):
            if oracle { failures.append("BERS rejects a valid text (\(error.code.rawValue): \(error)): \(label)") }
        }
        if (foundation != nil) != oracle {
            let key =
                foundation != nil
                ? "Foundation accepts, RFC rejects (\(Self.likelyReason(bytes, bers)))"
                : "Foundation rejects, RFC accepts"
            var entry = foundationDeviations[key] ?? (0, [])
            entry.count += 1
            if entry.examples.count < 4 { entry.examples.append(Self.show(bytes)) }
            foundationDeviations[key] = entry
        }
    }

    /// Serialize → parse in every style, the canonical fixed point, and Foundation on the output.
    private mutating func checkRoundTrip(_ value: JSONValue, label: String) {
        let serializers = [
            JSONSerializer(style: .compact), JSONSerializer(style: .pretty), JSONSerializer(asciiOnly: true),
        ]
        for serializer in serializers {
            let text = serializer.bytes(value)
            guard let again = try? JSONParser().parse(text).value, again.isIdentical(to: value) else {
                failures.append("\(serializer.style) output \(Self.show(text)) does not read back: \(label)")
                return
            }
        }
        let canonical = JSONSerializer(style: .canonical).bytes(value)
        guard let again = try? JSONParser().parse(canonical).value,
            JSONSerializerTests.equalAsDoubles(again, value),
            JSONSerializer(style: .canonical).bytes(again) == canonical
        else {
            failures.append("canonical output \(Self.show(canonical)) is not a stable equal value: \(label)")
            return
        }
        let compact = JSONSerializer().bytes(value)
        guard let foundation = try? JSONSerialization.jsonObject(with: Data(compact), options: [.fragmentsAllowed])
        else {
            failures.append("Foundation rejects BERS output \(Self.show(compact)): \(label)")
            return
        }
        if let difference = FoundationJSONComparison.difference(value, foundation) {
            failures.append("Foundation reads BERS output differently at \(difference): \(label)")
        }
    }

    /// Why a text Foundation accepts is not JSON, when it is one of Foundation's known
    /// deviations: a repeated key, or a trailing comma (the text is JSON without it).
    static func likelyReason(_ bytes: [UInt8], _ bers: Result<JSONValue, JSONError>) -> String {
        if case .failure(let error) = bers, error.code == .duplicateKey { return "repeated key" }
        var cleaned: [UInt8] = []
        for byte in bytes {
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}"),
                let comma = cleaned.lastIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
                cleaned[comma] == UInt8(ascii: ",")
            {
                cleaned.remove(at: comma)
            }
            cleaned.append(byte)
        }
        return RFC8259Recognizer.accepts(cleaned) ? "trailing comma" : "other"
    }

    /// The tallies, for the test log.
    var summary: String {
        var lines = ["JSON differential, seed \(seedText): \(texts) texts, \(accepted) accepted by BERS"]
        for (direction, entry) in foundationDeviations.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(direction): \(entry.count), e.g. \(entry.examples.joined(separator: "  "))")
        }
        return lines.joined(separator: "\n")
    }

    /// The bytes as a Swift-escaped string (invalid UTF-8 shown as `\xNN`), cut at 300 bytes.
    static func show(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes.prefix(300) {
            switch byte {
            case 0x20..<0x7F where byte != UInt8(ascii: "\\"): text.append(Character(Unicode.Scalar(byte)))
            default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return "`" + text + (bytes.count > 300 ? "…(\(bytes.count) bytes)" : "") + "`"
    }
}
