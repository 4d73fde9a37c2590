import BERS
import BERSSecrets
import Foundation
import Testing

struct SecretKeyTests {
    @Test func generatedKeysAreDistinctAndRoundTripThroughBase64() throws {
        let key = SecretKey.generate()
        #expect(key != SecretKey.generate())
        let copy = try SecretKey(base64: key.base64)
        #expect(copy == key)
        #expect(copy.id == key.id)
        #expect(Data(base64Encoded: key.base64)?.count == 32)
    }

    @Test func theIdIsDerivedFromTheBytes() throws {
        let key = try TestKeys.old()
        #expect(key.id.utf8.count == 16)
        #expect(SecretEnvelope.isKeyID(key.id))
        #expect(key.id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(try SecretKey(base64: TestKeys.oldBase64).id == key.id)
        #expect(try TestKeys.new().id != key.id)
    }

    @Test(arguments: [
        "", "not base64!", Data(repeating: 1, count: 16).base64EncodedString(),
        Data(repeating: 1, count: 33).base64EncodedString(), " " + TestKeys.oldBase64,
    ])
    func malformedKeysAreRefusedWithoutRepeatingThem(_ text: String) {
        do {
            _ = try SecretKey(base64: text)
            Issue.record("accepted a malformed key")
        } catch {
            #expect(error.code == .invalidSecretKey)
            #expect(text.isEmpty || !error.message.contains(text))
        }
    }

    @Test func descriptionsNeverShowTheKey() throws {
        let key = try TestKeys.old()
        var dumped = ""
        dump(key, to: &dumped)
        for text in [key.description, key.debugDescription, "\(key)", String(reflecting: key), dumped] {
            #expect(text.contains(key.id))
            #expect(!text.contains(key.base64))
            #expect(!text.contains("17, 17") && !text.contains("bytes"))
        }
    }
}
