import BERSJSON
import Testing

@testable import BERSSchema

struct NumberTests {
    @Test func multipleOfIsExactForIntegers() {
        #expect(MultipleOf.isMultiple(.integer(9_007_199_254_740_993), of: NumberBound(.integer(3))!))
        #expect(!MultipleOf.isMultiple(.integer(9_007_199_254_740_993), of: NumberBound(.integer(2))!))
        #expect(MultipleOf.isMultiple(.integer(.min), of: NumberBound(.integer(-1))!))
    }

    @Test func multipleOfToleratesDecimalDivisors() {
        #expect(MultipleOf.isMultiple(.double(0.0075), of: NumberBound(.double(0.0001))!))
        #expect(MultipleOf.isMultiple(.double(19.99), of: NumberBound(.double(0.01))!))
        #expect(!MultipleOf.isMultiple(.double(0.00751), of: NumberBound(.double(0.0001))!))
    }

    @Test func multipleOfDoesNotOverflow() {
        #expect(MultipleOf.isMultiple(.double(1e308), of: NumberBound(.double(0.5))!))
        #expect(!MultipleOf.isMultiple(.double(1e308), of: NumberBound(.double(0.123456789))!))
    }

    @Test func integersCompareExactlyWithBounds() {
        let bound = NumberBound(.integer(9_007_199_254_740_993))!
        #expect(NumberComparison.compare(Int64(9_007_199_254_740_992), bound) == -1)
        #expect(NumberComparison.compare(integer: 9_007_199_254_740_993, double: 9_007_199_254_740_992.0) == 1)
        #expect(NumberComparison.compare(Double(2.5), NumberBound(.integer(2))!) == 1)
    }

    @Test func bignumsAreIntegersAndNumbers() throws {
        let big = try json("12345678910111213141516171819202122232425262728293031")
        #expect(try SchemaValidator(schema: json(#"{"type": "integer"}"#)).isValid(big))
        #expect(
            try SchemaValidator(
                schema: json(#"{"type": "integer"}"#),
                options: ValidatorOptions(defaultDialect: .draft4)
            )
            .isValid(big)
        )
        #expect(
            try SchemaValidator(schema: json(#"{"maximum": 18446744073709551615}"#))
                .isValid(try json("18446744073709551600"))
        )
    }

    @Test func stringLengthCountsCodePoints() throws {
        let validator = try SchemaValidator(schema: json(#"{"minLength": 2, "maxLength": 2}"#))
        #expect(validator.isValid("💩💩"))
        #expect(!validator.isValid("💩"))
        #expect(validator.isValid("e\u{301}"))  // two code points, one grapheme
    }
}
