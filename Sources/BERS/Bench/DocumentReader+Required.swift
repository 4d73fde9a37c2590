import BERSJSON

extension JSONSettingsReader where Failure == ConfigError {
    /// The number at `pointer` (an integer or a double), `nil` when absent.
    func number(at pointer: JSONPointer) throws(ConfigError) -> Double? {
        guard let value = value(at: pointer) else { return nil }
        guard let number = value.doubleValue else { throw fail(pointer, "expected a number, found \(value.typeName)") }
        return number
    }

    /// The number at `pointer`, which must be there and not be negative.
    func requiredNumber(at pointer: JSONPointer) throws(ConfigError) -> Double {
        guard let number = try number(at: pointer) else { throw missing(pointer) }
        guard number >= 0 else { throw fail(pointer, "expected a number, 0 or more, found \(number)") }
        return number
    }

    /// The integer at `pointer`, which must be there and within `range`.
    func requiredInteger(at pointer: JSONPointer, range: ClosedRange<Int64> = 0...Int64.max) throws(ConfigError)
        -> Int
    {
        guard let integer = try integer(at: pointer, range: range) else { throw missing(pointer) }
        return Int(integer)
    }

    /// The string at `pointer`, which must be there.
    func requiredString(at pointer: JSONPointer) throws(ConfigError) -> String {
        guard let string = try string(at: pointer) else { throw missing(pointer) }
        return string
    }

    /// The array at `pointer` (empty when absent).
    func array(at pointer: JSONPointer) throws(ConfigError) -> [JSONValue] {
        guard let value = value(at: pointer) else { return [] }
        guard case .array(let elements) = value else {
            throw fail(pointer, "expected an array, found \(value.typeName)")
        }
        return elements
    }

    private func missing(_ pointer: JSONPointer) -> ConfigError {
        fail(pointer, "is missing")
    }
}
