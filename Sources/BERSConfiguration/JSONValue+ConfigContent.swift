import BERSJSON
import Configuration

extension JSONValue {
    /// The value as swift-configuration content of `type`, or `nil` when it is not of that type.
    ///
    /// Integers widen to doubles and doubles with an exact integer value narrow to integers, as
    /// in swift-configuration's JSON provider; booleans and numbers do not convert into each
    /// other, and nothing converts to or from text (BERS's typed reads are as strict). Bytes are
    /// strings `bytesDecoder` accepts (base64 by default). An array converts when every element
    /// does; an empty one is empty of any element type.
    func configContent(as type: ConfigType, bytesDecoder: any ConfigBytesFromStringDecoder) -> ConfigContent? {
        switch type {
        case .string: stringValue.map(ConfigContent.string)
        case .int: exactInt.map(ConfigContent.int)
        case .double: doubleValue.map(ConfigContent.double)
        case .bool: boolValue.map(ConfigContent.bool)
        case .bytes: stringValue.flatMap(bytesDecoder.decode).map(ConfigContent.bytes)
        case .stringArray: elements(\.stringValue).map(ConfigContent.stringArray)
        case .intArray: elements(\.exactInt).map(ConfigContent.intArray)
        case .doubleArray: elements(\.doubleValue).map(ConfigContent.doubleArray)
        case .boolArray: elements(\.boolValue).map(ConfigContent.boolArray)
        case .byteChunkArray: elements { $0.stringValue.flatMap(bytesDecoder.decode) }.map(ConfigContent.byteChunkArray)
        }
    }

    /// The value as the swift-configuration content closest to it, with its type.
    ///
    /// Scalars, and arrays whose elements all read as the first one's type; `nil` for null,
    /// objects, empty arrays (which are of every array type) and other arrays.
    var naturalConfigContent: (content: ConfigContent, type: ConfigType)? {
        switch self {
        case .string(let text): return (.string(text), .string)
        case .integer: return exactInt.map { (.int($0), .int) }
        case .double(let number): return (.double(number), .double)
        case .bool(let flag): return (.bool(flag), .bool)
        case .array(let elements): return elements.first?.naturalArrayType.flatMap(naturalArray)
        case .null, .object: return nil
        }
    }

    /// The array type an array starting with this element would have.
    private var naturalArrayType: ConfigType? {
        switch self {
        case .string: .stringArray
        case .integer: .intArray
        case .double: .doubleArray
        case .bool: .boolArray
        default: nil
        }
    }

    /// This array as `type`, when every element converts.
    private func naturalArray(_ type: ConfigType) -> (content: ConfigContent, type: ConfigType)? {
        configContent(as: type, bytesDecoder: ConfigBytesFromBase64StringDecoder()).map { ($0, type) }
    }

    /// The integer, if this is an integer or a double with an exact value that fits an `Int`.
    private var exactInt: Int? {
        integerValue.flatMap { Int(exactly: $0) }
    }

    /// Every element converted, or `nil` when this is not an array or an element does not convert.
    private func elements<Element>(_ convert: (JSONValue) -> Element?) -> [Element]? {
        guard case .array(let values) = self else { return nil }
        var converted: [Element] = []
        converted.reserveCapacity(values.count)
        for value in values {
            guard let element = convert(value) else { return nil }
            converted.append(element)
        }
        return converted
    }
}
