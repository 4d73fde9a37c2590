import BERSJSON
import FuzzSupport

/// JSON parser and serializer.
///
/// Properties: the three entry points (positions on, positions off, tape) accept the same inputs
/// and read the same value; an accepted value serialized (compact, pretty, ASCII-only) parses
/// back to an identical value (same key order, same numbers); serializing is stable; the
/// canonical form (RFC 8785) parses back to an equal value and is a fixed point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start, count).bytes
    let located = Result { () throws(JSONError) in try JSONParser().parse(bytes).value }
    let plain = Result { () throws(JSONError) in
        try JSONParser(options: .init(recordPositions: false)).parse(bytes).value
    }
    let tape = Result { () throws(JSONError) in try JSONParser().parseTape(bytes).value(ofNode: 0) }
    switch (located, plain, tape) {
    case (.success(let value), .success(let other), .success(let fromTape)):
        fuzzCheck(value.isIdentical(to: other), "positions on and off read different values")
        fuzzCheck(value.isIdentical(to: fromTape), "the tape reads another value")
        checkRoundTrip(value)
        checkCanonicalForm(value)
    case (.failure(let error), .failure(let other), .failure(let fromTape)):
        fuzzCheck(error.code == other.code, "positions on and off fail differently: \(error.code) \(other.code)")
        fuzzCheck(error.code == fromTape.code, "the tape fails differently: \(error.code) \(fromTape.code)")
        fuzzCheck(!error.message.isEmpty, "an error without a message")
        fuzzCheck(error.location != nil, "a syntax error without a location: \(error.code)")
    default:
        fuzzFinding("the parser entry points disagree on acceptance: \(located) \(plain) \(tape)")
    }
    return 0
}

/// Serializes `value` in every style and parses each text back.
func checkRoundTrip(_ value: JSONValue) {
    let styles = [
        JSONSerializer(style: .compact), JSONSerializer(style: .pretty),
        JSONSerializer(style: .compact, asciiOnly: true),
    ]
    for serializer in styles {
        let text = serializer.bytes(value)
        let again: JSONValue
        do { again = try JSONParser().parse(text).value } catch {
            fuzzFinding("serialized text does not parse (\(error.code)): \(String(decoding: text, as: UTF8.self))")
        }
        fuzzCheck(
            again.isIdentical(to: value),
            "round trip changed the value: \(String(decoding: text, as: UTF8.self))"
        )
        fuzzCheck(
            serializer.bytes(again) == text,
            "serializing is not stable: \(String(decoding: text, as: UTF8.self))"
        )
    }
}

/// Writes `value` in canonical form: the text parses to an equal value (keys sorted, numbers in
/// their shortest form, so not an identical one) whose canonical text is the same bytes.
///
/// Numbers are compared as RFC 8785 reads them, as doubles: a double of 2^53 or more is written
/// in its ECMAScript digits (`1046744073709551600`), which the parser reads back as the exact
/// integer they spell.
func checkCanonicalForm(_ value: JSONValue) {
    let canonical = JSONSerializer(style: .canonical)
    let text = canonical.bytes(value)
    let again: JSONValue
    do { again = try JSONParser().parse(text).value } catch {
        fuzzFinding("canonical text does not parse (\(error.code)): \(String(decoding: text, as: UTF8.self))")
    }
    fuzzCheck(
        equalAsDoubles(again, value),
        "the canonical form changed the value: \(String(decoding: text, as: UTF8.self))"
    )
    fuzzCheck(
        canonical.bytes(again) == text,
        "the canonical form is not stable: \(String(decoding: text, as: UTF8.self))"
    )
}

/// JSON equality, except that numbers are equal when they are the same double.
func equalAsDoubles(_ left: JSONValue, _ right: JSONValue) -> Bool {
    switch (left, right) {
    case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
        return left.doubleValue == right.doubleValue
    case (.array(let a), .array(let b)):
        return a.count == b.count && zip(a, b).allSatisfy { equalAsDoubles($0, $1) }
    case (.object(let a), .object(let b)):
        guard a.count == b.count else { return false }
        return a.allSatisfy { member in b[member.key].map { equalAsDoubles(member.value, $0) } ?? false }
    default:
        return left == right
    }
}
