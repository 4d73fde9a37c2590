import BERSArtifacts
@testable import BERSArtifacts
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// Values are written exactly, or refused with a clear error.
struct LiteralTests {
    @Test func integersBeyondTwoToThe53AreRefusedByDefault() throws {
        let error = #expect(throws: BuildError.self) {
            try JSLiteral.value(["big": 9_007_199_254_740_993], encoding: .error, path: "", indent: "")
        }
        #expect(error?.code == .unrepresentableValue)
        #expect(error?.message.contains("big = 9007199254740993 is beyond ±2^53") == true)
        #expect(error?.message.contains("\"large-integers\"") == true)
    }

    @Test func safeIntegersAndTheEdgeAreWrittenAsNumbers() throws {
        #expect(
            try JSLiteral.value(9_007_199_254_740_992, encoding: .error, path: "x", indent: "") == "9007199254740992"
        )
        #expect(
            try JSLiteral.value(-9_007_199_254_740_992, encoding: .error, path: "x", indent: "") == "-9007199254740992"
        )
    }

    @Test func largeIntegersCanBeStringsOrBigInts() throws {
        #expect(
            try JSLiteral.value(9_007_199_254_740_993, encoding: .string, path: "x", indent: "")
                == "\"9007199254740993\""
        )
        #expect(
            try JSLiteral.value(9_007_199_254_740_993, encoding: .bigint, path: "x", indent: "") == "9007199254740993n"
        )
        #expect(
            try JSLiteral.json(["a": [9_007_199_254_740_993]], encoding: .string, path: "x")
                == #"{"a":["9007199254740993"]}"#
        )
    }

    @Test func doublesUseTheShortestECMAScriptForm() {
        #expect(JSLiteral.double(0.1) == "0.1")
        #expect(JSLiteral.double(1e21) == "1e+21")
        #expect(JSLiteral.double(-0.0) == "-0")
        #expect(JSLiteral.double(8000) == "8000")
    }

    @Test func javaScriptStringsEscapeEveryNonASCIICharacter() {
        #expect(JSLiteral.string("a\u{2028}b é \"q\" \\") == #""a\u2028b \u00e9 \"q\" \\""#)
    }

    @Test func swiftStringsEscapeQuotesBackslashesAndControls() {
        #expect(SwiftLiteral.string("a\"b\\c\nd\u{0}e\u{1B}\u{2028}(x)") == #""a\"b\\c\nd\0e\u{1B}\u{2028}(x)""#)
    }

    @Test(.enabled(if: ExternalTool.node != nil, nodeMissing))
    func largeIntegerEncodingsLoadUnderNode() throws {
        let value: JSONValue = ["big": 9_007_199_254_740_993, "list": [1, 2.5, "x"]]
        let module =
            "export const bigint = \(try JSLiteral.value(value, encoding: .bigint, path: "", indent: ""));\n"
            + "export const text = \(try JSLiteral.value(value, encoding: .string, path: "", indent: ""));\n"
        let out = try NodeRunner.run(
            module: module,
            script:
                "import { bigint, text } from \"./module.mjs\";\nconsole.log(JSON.stringify([String(bigint.big), typeof bigint.big, text.big, Object.isFrozen(text.list)]));"
        )
        #expect(out == ["9007199254740993", "bigint", "9007199254740993", true])
    }
}
