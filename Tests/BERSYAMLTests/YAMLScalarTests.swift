import BERSJSON
import BERSYAML
import Testing

/// Plain scalars by the YAML 1.2 core schema, and the tags that force a type.
struct YAMLScalarTests {
    @Test(arguments: [
        ("", JSONValue.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("0", .integer(0)), ("-0", .integer(0)), ("+12", .integer(12)), ("012", .integer(12)), ("-42", .integer(-42)),
        ("0o17", .integer(15)), ("0x1F", .integer(31)), ("0xff", .integer(255)),
        ("9223372036854775807", .integer(.max)), ("99999999999999999999", .double(1e20)),
        ("1.5", .double(1.5)), ("-1.", .double(-1)), (".5", .double(0.5)), ("1e3", .double(1000)),
        ("+1.5E-2", .double(0.015)), ("1.0", .double(1)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("Yes", .string("Yes")), ("nULL", .string("nULL")), ("tRUE", .string("tRUE")),
        ("0b101", .string("0b101")), ("1_000", .string("1_000")), ("0o8", .string("0o8")), ("0x", .string("0x")),
        ("2024-01-01", .string("2024-01-01")), ("1.2.3", .string("1.2.3")), (".", .string(".")),
        ("-", .string("-")), ("e5", .string("e5")), ("1e", .string("1e")), ("12:30", .string("12:30")),
        ("-.nan", .string("-.nan")), ("hello world", .string("hello world")),
    ])
    func resolvesPlainScalarsByTheCoreSchema(text: String, expected: JSONValue) throws {
        let value = try YAMLScalar.value(of: text, tag: nil, isPlain: true)
        #expect(value.isIdentical(to: expected), "\(text) gave \(value)")
    }

    @Test(arguments: ["true", "12", "null", "1.5", ""])
    func quotedScalarsAreStrings(text: String) throws {
        #expect(try YAMLScalar.value(of: text, tag: nil, isPlain: false) == .string(text))
    }

    @Test(arguments: [".inf", "-.inf", "+.INF", ".Inf", ".nan", ".NaN", ".NAN"])
    func infinityAndNaNAreErrors(text: String) {
        let error = #expect(throws: YAMLScalarError.self) { try YAMLScalar.value(of: text, tag: nil, isPlain: true) }
        #expect(error?.code == .invalidNumber)
        #expect(error?.message.hasPrefix("\(text) (") == true)
        #expect(error?.message.hasSuffix("cannot be represented in JSON") == true)
    }

    @Test func outOfRangeNumbersAreErrors() {
        let float = #expect(throws: YAMLScalarError.self) { try YAMLScalar.value(of: "1e400", tag: nil, isPlain: true) }
        #expect(float?.message == "the number is out of the double range")
        let hex = #expect(throws: YAMLScalarError.self) {
            try YAMLScalar.value(of: "0xFFFFFFFFFFFFFFFF", tag: nil, isPlain: true)
        }
        #expect(hex?.message == "the integer is out of the 64-bit range (16 digits)")
    }

    /// An unquoted hex key or a long number may be a secret: the message never repeats the text.
    @Test(arguments: [
        "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", "9" + String(repeating: "7", count: 400),
    ])
    func outOfRangeMessagesDoNotEchoTheScalar(text: String) {
        let error = #expect(throws: YAMLScalarError.self) { try YAMLScalar.value(of: text, tag: nil, isPlain: true) }
        #expect(error?.message.contains(text.dropFirst(2).prefix(12)) == false)
    }

    @Test func tagsForceTheirType() throws {
        let str = "tag:yaml.org,2002:str"
        #expect(try YAMLScalar.value(of: "12", tag: str, isPlain: true) == .string("12"))
        #expect(try YAMLScalar.value(of: "12", tag: "!", isPlain: true) == .string("12"))
        #expect(try YAMLScalar.value(of: "12", tag: "tag:yaml.org,2002:int", isPlain: false) == .integer(12))
        #expect(try YAMLScalar.value(of: "0x10", tag: "tag:yaml.org,2002:int", isPlain: false) == .integer(16))
        let float = try YAMLScalar.value(of: "3", tag: "tag:yaml.org,2002:float", isPlain: true)
        #expect(float.isIdentical(to: .double(3)))
        #expect(try YAMLScalar.value(of: "True", tag: "tag:yaml.org,2002:bool", isPlain: false) == .bool(true))
        #expect(try YAMLScalar.value(of: "~", tag: "tag:yaml.org,2002:null", isPlain: true) == .null)
    }

    @Test(arguments: [
        ("abc", "tag:yaml.org,2002:int", "the value is not an integer (tagged !!int)"),
        ("1.5", "tag:yaml.org,2002:int", "the value is not an integer (tagged !!int)"),
        ("abc", "tag:yaml.org,2002:float", "the value is not a number (tagged !!float)"),
        ("yes", "tag:yaml.org,2002:bool", "the value is not a boolean (tagged !!bool)"),
        ("x", "tag:yaml.org,2002:null", "the value is not a null (tagged !!null)"),
        ("x", "tag:yaml.org,2002:binary", "unsupported tag !!binary on a scalar; JSON cannot represent it"),
        ("x", "!Ref", "unsupported tag !Ref on a scalar; JSON cannot represent it"),
    ])
    func textThatDoesNotFitItsTagIsAnError(text: String, tag: String, message: String) {
        let error = #expect(throws: YAMLScalarError.self) { try YAMLScalar.value(of: text, tag: tag, isPlain: true) }
        #expect(error?.code == .yaml)
        #expect(error?.message == message)
    }

    /// The reader cannot know whether the schema makes a value secret: a tag error names the
    /// tag, never the text.
    @Test(arguments: [
        "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:binary", "!Ref",
    ])
    func aTagErrorNeverEchoesTheText(tag: String) {
        let canary = "CANARY-cnry7Q"
        let error = #expect(throws: YAMLScalarError.self) { try YAMLScalar.value(of: canary, tag: tag, isPlain: true) }
        #expect(error?.message.contains(canary) == false)
        let prefix = "tag:yaml.org,2002:"
        let shown = tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
        #expect(error?.message.contains(shown) == true)
    }
}
