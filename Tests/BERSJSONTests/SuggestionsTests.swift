import BERSJSON
import Testing

struct SuggestionsTests {
    static let environments = ["development", "staging", "production"]

    @Test func typosAreCorrected() {
        #expect(Suggestions.closest(to: "stagin", in: Self.environments) == "staging")
        #expect(Suggestions.closest(to: "PRODUCTOIN", in: Self.environments) == "production")
    }

    @Test func anAbbreviationNamesTheOnlyCandidateItBegins() {
        #expect(Suggestions.closest(to: "prod", in: Self.environments) == "production")
        #expect(Suggestions.closest(to: "dev", in: Self.environments) == "development")
        #expect(Suggestions.closest(to: "st", in: Self.environments) == nil)
        #expect(Suggestions.closest(to: "pro", in: ["production", "profile"]) == nil)
    }

    @Test func unrelatedWordsGetNothing() {
        #expect(Suggestions.closest(to: "qa", in: Self.environments) == nil)
        #expect(Suggestions.closest(to: "anything", in: [String]()) == nil)
    }
}

/// Every error type shares one shape: code, message, location, description and JSON.
struct BERSErrorShapeTests {
    @Test func descriptionAndJSONComeFromTheProtocol() {
        let located = JSONError(.syntax, "bad", location: SourceLocation(file: "a.json", line: 2, column: 3))
        #expect(located.description == "a.json:2:3: bad")
        #expect(located.jsonValue == ["code": "json.syntax", "message": "bad", "location": "a.json:2:3"])
        let plain = JSONError(.syntax, "bad")
        #expect(plain.description == "bad")
        #expect(plain.jsonValue["location"] == .null)
    }

    @Test func errorsOfOneTypeAreEqualByCode() {
        #expect(JSONError(.syntax, "a") == JSONError(.syntax, "b"))
        #expect(JSONError(.syntax, "a") != JSONError(.duplicateKey, "a"))
        let any: any BERSError = JSONError(.duplicateKey, "x")
        #expect(any.code.rawValue == "json.duplicate-key")
    }
}
