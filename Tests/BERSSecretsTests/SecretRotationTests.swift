import BERS
import BERSJSON
import BERSSecrets
import BERSTestSupport
import Foundation
import Testing

struct SecretRotationTests {
    let production = SecretContext(environment: "production")

    /// A JSON layer with two envelopes sealed with the old key, and text that only mentions one.
    func layer(_ first: SecretEnvelope, _ second: SecretEnvelope) -> String {
        """
        {
          "db": {"password": "\(first)",   "host": "db.internal"},
          "note": "values look like enc:v1:<key id>:<base64>",
          "list": ["\(second)", 3]
        }

        """
    }

    @Test func everyEnvelopeIsResealedAndNothingElseChanges() throws {
        let old = AESGCMKeyring(primary: try TestKeys.old())
        let first = try old.seal("pa55", context: production)
        let second = try old.seal("t0ken", context: production)
        let text = layer(first, second)
        let rotation = SecretRotation(opening: old, newKey: try TestKeys.new())
        let result = try rotation.rotate(Array(text.utf8), context: production, file: "production.json")
        #expect(result.count == 2)
        let rotated = String(decoding: result.bytes, as: UTF8.self)
        let value = try JSONValue(parsing: rotated)
        let password = try #require(try SecretEnvelope.parse(value["db"]?["password"]?.stringValue ?? ""))
        let token = try #require(try SecretEnvelope.parse(value["list"]?[0]?.stringValue ?? ""))
        #expect(password.keyID == (try TestKeys.new().id))
        #expect(token.keyID == (try TestKeys.new().id))
        let new = AESGCMKeyring(primary: try TestKeys.new())
        #expect(try new.open(password, context: production) == "pa55")
        #expect(try new.open(token, context: production) == "t0ken")
        #expect(rotated == layer(password, token))
    }

    @Test func yamlLayersKeepTheirCommentsAndLayout() throws {
        let old = AESGCMKeyring(primary: try TestKeys.old())
        let sealed = try old.seal("pa55", context: production)
        let text = "# production\ndb:\n  password: \(sealed)  # rotated yearly\n  quoted: '\(sealed)'\n"
        let result = try SecretRotation(opening: old, newKey: try TestKeys.new())
            .rotate(Array(text.utf8), context: production, file: "production.yaml")
        #expect(result.count == 2)
        let lines = String(decoding: result.bytes, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "# production")
        #expect(lines[2].hasPrefix("  password: enc:v1:\(try TestKeys.new().id):"))
        #expect(lines[2].hasSuffix("  # rotated yearly"))
        #expect(lines[3].hasPrefix("  quoted: 'enc:v1:\(try TestKeys.new().id):") && lines[3].hasSuffix("'"))
    }

    @Test func valuesAlreadyUnderTheNewKeyOpenWithIt() throws {
        let new = AESGCMKeyring(primary: try TestKeys.new())
        let sealed = try new.seal("v", context: production)
        let rotation = SecretRotation(opening: AESGCMKeyring(primary: try TestKeys.old()), newKey: try TestKeys.new())
        let result = try rotation.rotate(Array("x: \(sealed)\n".utf8), context: production, file: "p.yaml")
        #expect(result.count == 1)
    }

    @Test func aValueThatDoesNotOpenStopsTheRotationNamingFileKeyAndLine() throws {
        let staging = try AESGCMKeyring(primary: try TestKeys.old())
            .seal("v", context: SecretContext(environment: "staging"))
        let text = "{\n  \"a\": \"\(staging)\"\n}\n"
        let rotation = SecretRotation(opening: AESGCMKeyring(primary: try TestKeys.old()), newKey: try TestKeys.new())
        do {
            _ = try rotation.rotate(Array(text.utf8), context: production, file: "production.json")
            Issue.record("rotated a value that does not open")
        } catch {
            #expect(error.code == .cannotDecrypt)
            #expect(error.message.contains("cannot rotate production.json: /a: "))
            #expect(error.message.contains(try TestKeys.old().id))
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 9)
        }
        let unknown = SecretRotation(opening: AESGCMKeyring(primary: SecretKey.generate()), newKey: try TestKeys.new())
        #expect(
            errorCode { _ = try unknown.rotate(Array(text.utf8), context: production, file: "p.json") }
                == .unknownSecretKey
        )
    }

    @Test func planThenWriteBacksUpAndReplaces() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = AESGCMKeyring(primary: try TestKeys.old())
        let text = layer(try old.seal("a", context: production), try old.seal("b", context: production))
        let file = try directory.write("production.json", text).path
        try setMode(0o640, of: file)
        let plan = try SecretRotation(opening: old, newKey: try TestKeys.new())
            .plan(fileAtPath: file, context: production)
        #expect(plan.count == 2)
        #expect(try bytes(of: file) == Array(text.utf8))
        let date = Date(timeIntervalSince1970: 1_767_225_599)  // 2025-12-31T23:59:59Z
        let backup = try #require(try plan.write(date: date))
        #expect(backup == file + ".bak-20251231T235959Z")
        #expect(try bytes(of: backup) == Array(text.utf8))
        #expect(try bytes(of: file) == plan.rotated)
        #expect(try mode(of: file) == 0o640)
        #expect(try mode(of: backup) == 0o640)
        let again = try #require(try plan.write(date: date))
        #expect(again == backup + "-2")
        #expect(try names(in: directory).count == 3)
    }

    @Test func aFileWithoutEnvelopesIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("production.yaml", "a: 1\n").path
        let plan = try SecretRotation(opening: AESGCMKeyring(primary: try TestKeys.old()), newKey: try TestKeys.new())
            .plan(fileAtPath: file, context: production)
        #expect(!plan.changesFile)
        #expect(try plan.write() == nil)
        #expect(try names(in: directory) == ["production.yaml"])
    }

    @Test func aFailedPlanWritesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sealed = try AESGCMKeyring(primary: try TestKeys.old()).seal("v", context: production)
        let text = "a: \(sealed)\n"
        let file = try directory.write("production.yaml", text).path
        let rotation = SecretRotation(opening: AESGCMKeyring(primary: SecretKey.generate()), newKey: try TestKeys.new())
        #expect(errorCode { _ = try rotation.plan(fileAtPath: file, context: production) } == .unknownSecretKey)
        #expect(try bytes(of: file) == Array(text.utf8))
        #expect(try names(in: directory) == ["production.yaml"])
    }

    @Test func backupNamesUseUTC() {
        #expect(
            RotationPlan.backupPath(for: "/c/p.json", date: Date(timeIntervalSince1970: 0))
                == "/c/p.json.bak-19700101T000000Z"
        )
        #expect(
            RotationPlan.backupPath(for: "p.yml", date: Date(timeIntervalSince1970: 1_000_000_000.9))
                == "p.yml.bak-20010909T014640Z"
        )
    }
}
