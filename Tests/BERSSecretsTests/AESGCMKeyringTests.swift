import BERS
import BERSSecrets
import Foundation
import Testing

struct AESGCMKeyringTests {
    let staging = SecretContext(environment: "staging")
    let production = SecretContext(environment: "production")

    @Test(arguments: ["s3cr3t", "", "ünïcødé ✓ 🔑", String(repeating: "x", count: 10_000)])
    func sealThenOpenRoundTrips(_ clear: String) throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        let envelope = try keyring.seal(clear, context: production)
        #expect(envelope.keyID == keyring.primary.id)
        let parsed = try #require(try SecretEnvelope.parse(envelope.description))
        #expect(try keyring.open(parsed, context: production) == clear)
    }

    @Test func eachSealUsesAFreshNonce() throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        let first = try keyring.seal("same", context: production)
        let second = try keyring.seal("same", context: production)
        #expect(first.payload != second.payload)
        let payload = try #require(Data(base64Encoded: first.payload))
        #expect(payload.count == 12 + 4 + 16)
    }

    @Test func anEnvelopeOfAnotherKeyIsAnUnknownKey() throws {
        let sealed = try AESGCMKeyring(primary: try TestKeys.new()).seal("v", context: production)
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        do {
            _ = try keyring.open(sealed, context: production)
            Issue.record("opened with the wrong key")
        } catch {
            #expect(error.code == .unknownSecretKey)
            #expect(error.message == "no loaded key has id \(try TestKeys.new().id); loaded: \(try TestKeys.old().id)")
        }
    }

    @Test func theSameKeyTwiceIsOneKey() throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old(), others: [try TestKeys.old(), try TestKeys.new()])
        #expect(keyring.keyIDs == [try TestKeys.old().id, try TestKeys.new().id])
        #expect(AESGCMKeyring(keys: []) == nil)
    }

    @Test func aRotationKeyringOpensOldValuesAndSealsWithTheNewKey() throws {
        let old = AESGCMKeyring(primary: try TestKeys.old())
        let sealed = try old.seal("v", context: staging)
        let rotating = AESGCMKeyring(primary: try TestKeys.new(), others: [try TestKeys.old()])
        #expect(try rotating.open(sealed, context: staging) == "v")
        #expect(try rotating.seal("v", context: staging).keyID == (try TestKeys.new().id))
    }

    @Test func aValueSealedForStagingDoesNotOpenInProduction() throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        let sealed = try keyring.seal("v", context: staging)
        expectCannotDecrypt(keyring, sealed, production, mentioning: "production")
    }

    @Test func theTenantIsBound() throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        let mine = SecretContext(environment: "production", tenant: "MYR384719")
        let sealed = try keyring.seal("v", context: mine)
        #expect(try keyring.open(sealed, context: mine) == "v")
        expectCannotDecrypt(
            keyring,
            sealed,
            SecretContext(environment: "production", tenant: "AUS123957"),
            mentioning: "production, tenant AUS123957"
        )
        expectCannotDecrypt(keyring, sealed, production, mentioning: "production")
    }

    @Test(arguments: [0, 5, 12, 20, 31])
    func anAlteredByteDoesNotOpen(_ position: Int) throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        let sealed = try keyring.seal("abcd", context: production)
        var payload = try #require(Data(base64Encoded: sealed.payload))
        payload[position] ^= 0x01
        let altered = SecretEnvelope(keyID: sealed.keyID, payload: payload.base64EncodedString())
        expectCannotDecrypt(keyring, altered, production, mentioning: sealed.keyID)
    }

    @Test func aTruncatedPayloadDoesNotOpen() throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        let sealed = try keyring.seal("abcdefgh", context: production)
        let payload = try #require(Data(base64Encoded: sealed.payload))
        for length in [0, 8, 27, 28, payload.count - 1] {
            let truncated = SecretEnvelope(keyID: sealed.keyID, payload: payload.prefix(length).base64EncodedString())
            expectCannotDecrypt(keyring, truncated, production, mentioning: sealed.keyID)
        }
        let broken = SecretEnvelope(keyID: sealed.keyID, payload: String(sealed.payload.dropLast(3)))
        expectCannotDecrypt(keyring, broken, production, mentioning: sealed.keyID)
    }

    private func expectCannotDecrypt(
        _ keyring: AESGCMKeyring,
        _ envelope: SecretEnvelope,
        _ context: SecretContext,
        mentioning text: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        do {
            let clear = try keyring.open(envelope, context: context)
            Issue.record("opened: \(clear.utf8.count) bytes", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == .cannotDecrypt, sourceLocation: sourceLocation)
            #expect(error.message.contains(text), sourceLocation: sourceLocation)
            #expect(error.message.hasSuffix("wrong key, wrong environment or tenant, or altered bytes"))
            #expect(!error.message.contains(envelope.payload), sourceLocation: sourceLocation)
        }
    }
}
