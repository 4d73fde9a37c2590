import BERSJSON

/// A named conversion of a `change-type` migration operation: how a value of one type becomes
/// another.
///
/// Every conversion leaves a value that already has its target form alone, so a migration run
/// again after an interruption converges. `seconds-to-milliseconds` changes a unit, not a type:
/// a converted value looks like one still in seconds, so a step that uses it must rename or move
/// the key afterwards (see ``KeyMigrationStep``).
///
/// | conversion | converts | leaves alone |
/// |---|---|---|
/// | `string-to-number` | `"30"` → `30`, `"1.5"` → `1.5` | numbers |
/// | `number-to-string` | `30` → `"30"` | strings |
/// | `string-to-boolean` | `"true"`, `"yes"`, `"on"`, `"1"` → `true`; `"false"`, `"no"`, `"off"`, `"0"` → `false` (any case) | booleans |
/// | `boolean-to-string` | `true` → `"true"` | strings |
/// | `value-to-array` | `x` → `[x]` | arrays |
/// | `comma-string-to-array` | `"a, b,c"` → `["a", "b", "c"]` | arrays |
/// | `seconds-to-milliseconds` | `30` → `30000`, `1.5` → `1500` | nothing |
public enum KeyConversion: String, Sendable, Hashable, CaseIterable {
    /// A string holding a number becomes that number.
    case stringToNumber = "string-to-number"
    /// A number becomes its shortest decimal text.
    case numberToString = "number-to-string"
    /// A string holding a boolean word becomes the boolean.
    case stringToBoolean = "string-to-boolean"
    /// A boolean becomes `"true"` or `"false"`.
    case booleanToString = "boolean-to-string"
    /// A value that is not an array becomes an array holding it.
    case valueToArray = "value-to-array"
    /// A comma-separated string becomes the array of its trimmed, non-empty items.
    case commaStringToArray = "comma-string-to-array"
    /// A number of seconds becomes the number of milliseconds.
    case secondsToMilliseconds = "seconds-to-milliseconds"

    /// What converting one value gives.
    public enum Outcome: Sendable, Hashable {
        /// The value already has the target form: nothing to do.
        case unchanged
        /// The converted value.
        case converted(JSONValue)
        /// The value cannot be converted; the reason never repeats the value (it may be secret).
        case impossible(String)
    }

    /// Whether a re-run can tell a converted value from one still to convert.
    public var isIdempotent: Bool { self != .secondsToMilliseconds }

    /// Converts `value`.
    public func convert(_ value: JSONValue) -> Outcome {
        switch self {
        case .stringToNumber: Self.stringToNumber(value)
        case .numberToString: Self.numberToString(value)
        case .stringToBoolean: Self.stringToBoolean(value)
        case .booleanToString: Self.booleanToString(value)
        case .valueToArray: value.arrayValue == nil ? .converted([value]) : .unchanged
        case .commaStringToArray: Self.commaStringToArray(value)
        case .secondsToMilliseconds: Self.secondsToMilliseconds(value)
        }
    }

    private static func stringToNumber(_ value: JSONValue) -> Outcome {
        switch value {
        case .integer, .double: return .unchanged
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if let integer = Int64(trimmed) { return .converted(.integer(integer)) }
            guard let parsed = try? JSONValue(parsing: trimmed), let number = parsed.doubleValue, number.isFinite
            else { return .impossible("the string is not a number") }
            return .converted(parsed.integerValue.map(JSONValue.integer) ?? .double(number))
        default: return .impossible("it is \(value.typeName), not a string")
        }
    }

    private static func numberToString(_ value: JSONValue) -> Outcome {
        switch value {
        case .string: .unchanged
        case .integer(let integer): .converted(.string(String(integer)))
        case .double: .converted(.string(JSONSerializer(style: .canonical).string(value)))
        default: .impossible("it is \(value.typeName), not a number")
        }
    }

    private static let trueWords: Set<String> = ["true", "yes", "on", "1"]
    private static let falseWords: Set<String> = ["false", "no", "off", "0"]

    private static func stringToBoolean(_ value: JSONValue) -> Outcome {
        switch value {
        case .bool: return .unchanged
        case .string(let text):
            let word = text.trimmingWhitespace().lowercased()
            if trueWords.contains(word) { return .converted(true) }
            if falseWords.contains(word) { return .converted(false) }
            return .impossible("the string is not true, false, yes, no, on, off, 1 or 0")
        default: return .impossible("it is \(value.typeName), not a string")
        }
    }

    private static func booleanToString(_ value: JSONValue) -> Outcome {
        switch value {
        case .string: .unchanged
        case .bool(let bool): .converted(.string(bool ? "true" : "false"))
        default: .impossible("it is \(value.typeName), not a boolean")
        }
    }

    private static func commaStringToArray(_ value: JSONValue) -> Outcome {
        switch value {
        case .array: return .unchanged
        case .string(let text):
            let items = text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingWhitespace() }
                .filter { !$0.isEmpty }
            return .converted(.array(items.map(JSONValue.string)))
        default: return .impossible("it is \(value.typeName), not a string")
        }
    }

    private static func secondsToMilliseconds(_ value: JSONValue) -> Outcome {
        switch value {
        case .integer(let seconds):
            let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
            return overflow ? .impossible("the number is too large") : .converted(.integer(milliseconds))
        case .double(let seconds):
            let milliseconds = seconds * 1000
            guard milliseconds.isFinite else { return .impossible("the number is too large") }
            return .converted(
                JSONValue.double(milliseconds).integerValue.map(JSONValue.integer) ?? .double(milliseconds)
            )
        default:
            return .impossible("it is \(value.typeName), not a number of seconds")
        }
    }
}
