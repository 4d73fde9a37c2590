import BERS
import BERSJSON
import Configuration
import Testing

@testable import BERSConfiguration

struct BERSConfigSnapshotTests {
    private let snapshot: BERSConfigSnapshot

    init() throws {
        snapshot = BERSConfigSnapshot(configuration: try ConfigurationFixtures.typesConfiguration())
    }

    private func content(_ key: String, _ type: ConfigType) throws -> ConfigContent? {
        try snapshot.value(forKey: AbsoluteConfigKey(ConfigKey(key)), type: type).value?.content
    }

    @Test func nestedKeysAreDottedPaths() throws {
        let result = try snapshot.value(forKey: AbsoluteConfigKey(["api", "timeout"]), type: .int)
        #expect(result.encodedKey == "api.timeout")
        #expect(result.value == ConfigValue(.int(6000), isSecret: false))
        #expect(try content("api.retries", .int) == .int(2))
    }

    @Test func scalarsKeepTheirTypes() throws {
        #expect(try content("api.name", .string) == .string("picasso"))
        #expect(try content("api.ratio", .double) == .double(0.25))
        #expect(try content("api.enabled", .bool) == .bool(true))
        #expect(try content("blobs.one", .bytes) == .bytes(Array("magic".utf8)))
    }

    @Test func numbersWidenAndNarrowExactly() throws {
        #expect(try content("api.timeout", .double) == .double(6000))
        #expect(try content("api.whole", .int) == .int(3))
        #expect(try content("lists.weights", .doubleArray) == .doubleArray([0.5, 1]))
    }

    @Test func anArrayStartingWithAnIntegerReadsAsDoubles() throws {
        #expect(try content("lists.numbers", .doubleArray) == .doubleArray([1, 0.5]))
        #expect(throws: BERSProviderError.self) { try content("lists.numbers", .intArray) }
    }

    @Test func arraysOfEveryElementType() throws {
        #expect(try content("lists.names", .stringArray) == .stringArray(["a", "b"]))
        #expect(try content("lists.ports", .intArray) == .intArray([80, 443]))
        #expect(try content("lists.flags", .boolArray) == .boolArray([true, false]))
        #expect(
            try content("blobs.chunks", .byteChunkArray)
                == .byteChunkArray([Array("magic".utf8), Array("magic2".utf8)])
        )
    }

    @Test(arguments: [ConfigType.stringArray, .intArray, .doubleArray, .boolArray, .byteChunkArray])
    func anEmptyArrayIsEmptyOfAnyType(type: ConfigType) throws {
        let content = try #require(try content("lists.empty", type))
        #expect(content.isEmptyArray)
    }

    @Test func arrayElementsAreReachableByIndex() throws {
        let result = try snapshot.value(forKey: AbsoluteConfigKey(["lists", "ports", "1"]), type: .int)
        #expect(result.encodedKey == "lists.ports.1")
        #expect(result.value?.content == .int(443))
        #expect(try content("lists.objects.0.id", .int) == .int(7))
    }

    @Test func aKeyContainingADotIsOneComponent() throws {
        let result = try snapshot.value(forKey: AbsoluteConfigKey(["dotted", "a.b"]), type: .string)
        #expect(result.encodedKey == #"dotted.a\.b"#)
        #expect(result.value?.content == .string("escaped"))
    }

    @Test func aMissingKeyHasNoValue() throws {
        let result = try snapshot.value(forKey: AbsoluteConfigKey(["api", "missing"]), type: .int)
        #expect(result == LookupResult(encodedKey: "api.missing", value: nil))
        #expect(try content("nowhere.at.all", .string) == nil)
    }

    @Test func nullIsAnAbsentValue() throws {
        #expect(try content("nothing", .string) == nil)
        #expect(try content("nothing", .intArray) == nil)
    }

    @Test(arguments: [
        ("api.name", ConfigType.int), ("api.timeout", .string), ("api.enabled", .int), ("api.timeout", .bool),
        ("api.ratio", .int), ("api", .string), ("lists.names", .string), ("api.name", .stringArray),
        ("lists.mixed", .intArray), ("lists.mixed", .stringArray), ("lists.objects", .intArray),
        ("blobs.bad", .bytes), ("api.timeout", .bytes), ("lists.names", .byteChunkArray), ("lists.ports", .boolArray),
    ])
    func aValueOfAnotherTypeIsNotConvertible(key: String, type: ConfigType) throws {
        let error = try #require(throws: BERSProviderError.self) { try content(key, type) }
        #expect(error.code == .notConvertible)
        #expect(error.requestedType == type)
        #expect(error.message.contains("'\(key)'"))
        #expect(error.message.contains("type \(type)"))
    }

    @Test func aMismatchNamesTheLayerThatSetTheValue() throws {
        let error = try #require(throws: BERSProviderError.self) { try content("api.timeout", .string) }
        #expect(error.location?.file.hasSuffix("production.json") == true)
        #expect(error.message.hasSuffix("found integer 6000"))
    }

    @Test func secretsAreFlagged() throws {
        let password = try snapshot.value(forKey: AbsoluteConfigKey(["db", "password"]), type: .string)
        #expect(password.value == ConfigValue(.string("s3cr3t-password"), isSecret: true))
        let token = try snapshot.value(forKey: AbsoluteConfigKey(["db", "token"]), type: .string)
        #expect(token.value == ConfigValue(.string(ConfigurationFixtures.token), isSecret: true))
        let host = try snapshot.value(forKey: AbsoluteConfigKey(["db", "host"]), type: .string)
        #expect(host.value?.isSecret == false)
    }

    @Test func aConvertedSecretStaysSecret() throws {
        let pin = try snapshot.value(forKey: AbsoluteConfigKey(["db", "pin"]), type: .double)
        #expect(pin.value == ConfigValue(.double(1234), isSecret: true))
        let asInt = try snapshot.value(forKey: AbsoluteConfigKey(["db", "pin"]), type: .int)
        #expect(asInt.value == ConfigValue(.int(1234), isSecret: true))
    }

    @Test func aMismatchOnASecretDoesNotShowIt() throws {
        let error = try #require(throws: BERSProviderError.self) { try content("db.password", .int) }
        #expect(error.message.contains(SecretRedaction.placeholder))
        #expect(!error.message.contains("s3cr3t"))
    }

    @Test func aSealedSecretIsAnError() throws {
        let error = try #require(throws: BERSProviderError.self) { try content("db.sealed", .string) }
        #expect(error.code == .sealedSecret)
        #expect(error.message.contains("db.sealed"))
    }

    @Test func provenanceSaysWhereAndWhatWasOverridden() throws {
        let provenance = try #require(snapshot.provenance(forKey: AbsoluteConfigKey(["api", "timeout"])))
        #expect(provenance.source.location?.file.hasSuffix("production.json") == true)
        #expect(provenance.overrode.map(\.value) == [.integer(1000)])
        #expect(snapshot.provenance(forKey: AbsoluteConfigKey(["api", "missing"])) == nil)
    }

    @Test func provenanceOfASecretIsRedacted() throws {
        let provenance = try #require(snapshot.provenance(forKey: AbsoluteConfigKey(["db", "password"])))
        #expect(provenance.value == .string(SecretRedaction.placeholder))
        #expect(provenance.source.location?.file.hasSuffix("default.json") == true)
    }

    @Test func descriptionsNameBERSTheEnvironmentAndTheLayersButNoSecret() {
        #expect(snapshot.providerName == "BERSConfigProvider[production]")
        #expect(snapshot.description.hasPrefix("BERSConfigProvider[production] ("))
        #expect(snapshot.description.contains("layers: default, production"))
        let debug = snapshot.debugDescription
        #expect(debug.contains("api.timeout = 6000 ("))
        #expect(debug.contains("production.json"))
        #expect(debug.contains(#"db.password = "\#(SecretRedaction.placeholder)""#))
        #expect(!debug.contains("s3cr3t"))
        #expect(!debug.contains(ConfigurationFixtures.token))
    }

    @Test func theTableHoldsEveryNodeOnce() throws {
        let configuration = try ConfigurationFixtures.typesConfiguration()
        let table = ConfigTable(configuration)
        #expect(table.entries.count == configuration.value.nodeCount - 1)
        #expect(table.leafCount == configuration.leafProvenance().count)
    }
}

extension ConfigContent {
    /// Whether this is an array of any element type with no element.
    fileprivate var isEmptyArray: Bool {
        switch self {
        case .stringArray(let values): values.isEmpty
        case .intArray(let values): values.isEmpty
        case .doubleArray(let values): values.isEmpty
        case .boolArray(let values): values.isEmpty
        case .byteChunkArray(let values): values.isEmpty
        default: false
        }
    }
}
