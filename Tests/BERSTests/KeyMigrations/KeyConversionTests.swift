import BERS
import BERSJSON
import Testing

/// Each conversion of `change-type`: what it converts, what it leaves alone, what it refuses.
@Suite struct KeyConversionTests {
    static let conversions: [(KeyConversion, JSONValue, JSONValue)] = [
        (.stringToNumber, "30", 30),
        (.stringToNumber, " 1.5 ", 1.5),
        (.stringToNumber, "1e3", 1000),
        (.numberToString, 30, "30"),
        (.numberToString, 1.5, "1.5"),
        (.stringToBoolean, "true", true),
        (.stringToBoolean, "Yes", true),
        (.stringToBoolean, "0", false),
        (.stringToBoolean, "OFF", false),
        (.booleanToString, false, "false"),
        (.valueToArray, "a", ["a"]),
        (.valueToArray, ["k": 1], [["k": 1]]),
        (.commaStringToArray, "a, b,,c ", ["a", "b", "c"]),
        (.commaStringToArray, "", []),
        (.secondsToMilliseconds, 30, 30000),
        (.secondsToMilliseconds, 1.5, 1500),
    ]

    static let converted: [(KeyConversion, JSONValue)] = [
        (.stringToNumber, 30),
        (.stringToNumber, 1.5),
        (.numberToString, "30"),
        (.stringToBoolean, true),
        (.booleanToString, "true"),
        (.valueToArray, ["a"]),
        (.commaStringToArray, ["a", "b"]),
    ]

    static let unconvertible: [(KeyConversion, JSONValue)] = [
        (.stringToNumber, "thirty"),
        (.stringToNumber, true),
        (.numberToString, ["a"]),
        (.stringToBoolean, "maybe"),
        (.stringToBoolean, 1),
        (.booleanToString, 1),
        (.commaStringToArray, 5),
        (.secondsToMilliseconds, "30"),
        (.secondsToMilliseconds, .integer(Int64.max)),
    ]

    @Test(arguments: conversions)
    func converts(_ conversion: KeyConversion, _ value: JSONValue, _ expected: JSONValue) {
        guard case .converted(let converted) = conversion.convert(value) else {
            Issue.record("\(conversion.rawValue) did not convert \(value.jsonText)")
            return
        }
        #expect(converted.isIdentical(to: expected))
    }

    @Test(arguments: converted)
    func leavesConvertedValuesAlone(_ conversion: KeyConversion, _ value: JSONValue) {
        #expect(conversion.convert(value) == .unchanged)
    }

    @Test(arguments: unconvertible)
    func refusesWithoutRepeatingTheValue(_ conversion: KeyConversion, _ value: JSONValue) {
        guard case .impossible(let reason) = conversion.convert(value) else {
            Issue.record("\(conversion.rawValue) converted \(value.jsonText)")
            return
        }
        #expect(!reason.contains("thirty") && !reason.contains("maybe"))
    }

    @Test func everyConversionButTheUnitOneIsIdempotent() {
        #expect(KeyConversion.allCases.filter { !$0.isIdempotent } == [.secondsToMilliseconds])
        #expect(KeyConversion.allCases.count == 7)
    }
}
