import BERSJSON
import Foundation

/// Compares a ``JSONValue`` from `JSONParser` with what Foundation's `JSONSerialization` made of
/// the same text.
///
/// Foundation's numbers are `NSNumber`s whose kind depends on the text: `Bool` for `true` and
/// `false` (`objCType` `c`), `Int` for integers that fit, `UInt64` (`Q`) for integers in
/// `Int64.max + 1 ... UInt64.max`, `Double` (`d`) for fractions and exponents, and
/// `NSDecimalNumber` for integers past `UInt64` (and, oddly, `Int64.min`) and for long fractions.
/// BERS has integers (text without fraction or exponent that fits `Int64`) and correctly
/// rounded doubles for everything else. So numbers compare by decimal value where both hold it
/// exactly; a BERS double against a Foundation integer or `Decimal` compares after rounding that
/// value to the nearest double. `Decimal` keeps at most 38 significant digits, so for longer
/// texts Foundation's value is itself rounded and may be one double away from BERS's correctly
/// rounded one: that inherent difference is tolerated (one unit in the last place).
///
/// Strings compare by Unicode scalars. Foundation's objects are Swift dictionaries, whose `String`
/// keys compare by canonical equivalence; BERS rejects such keys as duplicates, so when both
/// accept, keys are unique either way and each key is matched by scalars.
///
/// One Foundation deviation is tolerated: an unescaped U+FEFF at the start of a string (value or
/// key) or right after an escape sequence is lost in Foundation (it decodes each run of raw text
/// separately and takes the character for a byte order mark): `"\u0041<U+FEFF>"` reads as `"A"`.
/// So a Foundation string that is BERS's with some U+FEFF removed counts as equal. BERS keeps
/// them, as RFC 8259 asks (a BOM may only be ignored at the start of the whole text). Keys that
/// differ only by such characters become one key in Foundation; such objects are not compared.
enum FoundationJSONComparison {
    /// A description of the first difference between `value` and `foundation`, or `nil` when
    /// they are equal; `path` is the JSON pointer of the values compared.
    static func difference(_ value: JSONValue, _ foundation: Any, path: String = "") -> String? {
        let here = path.isEmpty ? "/" : path
        switch value {
        case .null:
            return foundation is NSNull ? nil : "\(here): null vs \(foundation)"
        case .bool(let flag):
            guard let number = foundation as? NSNumber, isBoolean(number), number.boolValue == flag else {
                return "\(here): \(flag) vs \(foundation)"
            }
            return nil
        case .integer, .double:
            guard let number = foundation as? NSNumber, !isBoolean(number), numbersEqual(value, number) else {
                return "\(here): \(value.jsonText) vs \(foundation) (\(type(of: foundation)))"
            }
            return nil
        case .string(let text):
            guard let other = foundation as? String, sameText(text, other) else {
                return "\(here): \(value.jsonText) vs \(foundation)"
            }
            return nil
        case .array(let elements):
            return arrayDifference(elements, foundation, path: path)
        case .object(let object):
            return objectDifference(object, foundation, path: path)
        }
    }

    private static func arrayDifference(_ elements: [JSONValue], _ foundation: Any, path: String) -> String? {
        guard let others = foundation as? [Any], others.count == elements.count else {
            return "\(path.isEmpty ? "/" : path): array of \(elements.count) vs \(foundation)"
        }
        for (offset, pair) in zip(elements, others).enumerated() {
            if let difference = difference(pair.0, pair.1, path: "\(path)/\(offset)") { return difference }
        }
        return nil
    }

    private static func objectDifference(_ object: JSONObject, _ foundation: Any, path: String) -> String? {
        let here = path.isEmpty ? "/" : path
        guard let others = foundation as? [String: Any] else { return "\(here): object vs \(foundation)" }
        guard others.count == object.count else {
            // Keys that differ only by U+FEFF that Foundation dropped become one key there.
            let merged = Set(
                object.keys.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != "\u{FEFF}" })) }
            )
            return merged.count < object.count ? nil : "\(here): object of \(object.count) members vs \(foundation)"
        }
        for (key, other) in others {
            let exact = object.first { $0.key.unicodeScalars.elementsEqual(key.unicodeScalars) }
            guard let member = exact ?? object.first(where: { sameText($0.key, key) }) else {
                return "\(path)/\(key): missing in BERS"
            }
            if let difference = difference(member.value, other, path: "\(path)/\(key)") { return difference }
        }
        return nil
    }

    /// Whether a BERS string and a Foundation string have the same scalars, but for U+FEFF
    /// characters Foundation drops.
    static func sameText(_ text: String, _ foundation: String) -> Bool {
        if text.unicodeScalars.elementsEqual(foundation.unicodeScalars) { return true }
        let withoutBOM = { (string: String) in string.unicodeScalars.filter { $0 != "\u{FEFF}" } }
        return withoutBOM(text).elementsEqual(withoutBOM(foundation))
            && text.unicodeScalars.count > foundation.unicodeScalars.count
    }

    /// Whether Foundation made `number` from `true` or `false`.
    static func isBoolean(_ number: NSNumber) -> Bool {
        !(number is NSDecimalNumber) && String(cString: number.objCType) == "c"
    }

    /// Whether a BERS number and a Foundation number have the same value (see the type's comment).
    static func numbersEqual(_ value: JSONValue, _ number: NSNumber) -> Bool {
        if let decimal = number as? NSDecimalNumber { return decimalEqual(value, decimal.decimalValue) }
        switch (value, String(cString: number.objCType)) {
        case (.integer(let integer), "Q"):
            return integer >= 0 && UInt64(integer) == number.uint64Value
        case (.integer(let integer), "d"), (.integer(let integer), "f"):
            return Double(integer) == number.doubleValue && Int64(exactly: number.doubleValue) == integer
        case (.integer(let integer), _):
            return integer == number.int64Value
        case (.double(let double), "Q"):
            return double == Double(number.uint64Value)
        case (.double(let double), "d"), (.double(let double), "f"):
            let other = number.doubleValue
            return double == other && double.sign == other.sign
        case (.double(let double), _):
            return double == Double(number.int64Value)
        default:
            return false
        }
    }

    /// Whether a BERS number equals a `Decimal`: exactly for integers, as the nearest double for
    /// doubles (within one unit in the last place when the decimal has all 38 digits it can hold).
    private static func decimalEqual(_ value: JSONValue, _ decimal: Decimal) -> Bool {
        switch value {
        case .integer(let integer):
            return decimal == Decimal(integer)
        case .double(let double):
            guard let nearest = Double(decimal.description) else { return false }
            if nearest == double { return true }
            let digits = decimal.description.filter(\.isNumber).drop { $0 == "0" }.count
            return digits >= 38 && (nearest.nextUp == double || nearest.nextDown == double)
        default:
            return false
        }
    }
}
