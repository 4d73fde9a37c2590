import BERS
import BERSSecrets
import BERSTestSupport
import Foundation
import Testing

struct SecretKeyFileTests {
    @Test func writeThenLoad() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/prod.key"
        let key = SecretKey.generate()
        try SecretKeyFile.write(key, toPath: path)
        #expect(try mode(of: path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "bers-key:v1:\(key.base64)\n")
        let file = try SecretKeyFile(contentsOfFile: path)
        #expect(file.key == key)
        #expect(file.path == path)
        #expect(file.warnings.isEmpty)
        #expect(try names(in: directory) == ["prod.key"])
    }

    @Test func writingNeverReplacesUnlessAsked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/prod.key"
        let first = SecretKey.generate()
        try SecretKeyFile.write(first, toPath: path)
        #expect(errorCode { try SecretKeyFile.write(SecretKey.generate(), toPath: path) } == .writeFailed)
        #expect(try SecretKeyFile(contentsOfFile: path).key == first)
        let second = SecretKey.generate()
        try SecretKeyFile.write(second, toPath: path, replacing: true)
        #expect(try SecretKeyFile(contentsOfFile: path).key == second)
        #expect(try names(in: directory) == ["prod.key"])
    }

    @Test func writingIntoAMissingFolderFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(
            errorCode { try SecretKeyFile.write(SecretKey.generate(), toPath: directory.path + "/no/k.key") }
                == .writeFailed
        )
    }

    @Test func aKeyFileWithoutAFinalNewlineLoads() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("k.key", "bers-key:v1:\(TestKeys.oldBase64)")
        #expect(try SecretKeyFile(contentsOfFile: file.path).key == (try TestKeys.old()))
    }

    @Test(arguments: [
        "", "\n", TestKeys.oldBase64 + "\n", "bers-key:v2:\(TestKeys.oldBase64)\n",
        "bers-key:v1:\(TestKeys.oldBase64)\n\n", "bers-key:v1:\(TestKeys.oldBase64)\r\n",
        " bers-key:v1:\(TestKeys.oldBase64)\n", "bers-key:v1:\(TestKeys.oldBase64)\n# comment\n",
        "bers-key:v1:\(Data(repeating: 3, count: 16).base64EncodedString())\n",
        "bers-key:v1:" + String(repeating: "A", count: 2000) + "\n",
    ])
    func malformedKeyFilesAreRefusedNamingTheFileNotTheContent(_ text: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("bad.key", text)
        do {
            _ = try SecretKeyFile(contentsOfFile: file.path)
            Issue.record("accepted a malformed key file")
        } catch {
            #expect(error.code == .invalidSecretKey)
            #expect(error.message.contains(file.path))
            #expect(!error.message.contains(TestKeys.oldBase64))
        }
    }

    @Test func aMissingKeyFileIsUnreadable() {
        #expect(errorCode { _ = try SecretKeyFile(contentsOfFile: "/nonexistent/bers.key") } == .unreadable)
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o666])
    func aKeyFileOthersCanReadLoadsWithAWarning(_ permissions: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("k.key", SecretKeyFile.text(of: try TestKeys.old()))
        try setMode(permissions, of: file.path)
        let loaded = try SecretKeyFile(contentsOfFile: file.path)
        #expect(loaded.key == (try TestKeys.old()))
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("chmod 600 \(file.path)") == true)
        #expect(loaded.warnings.first?.contains(String(permissions, radix: 8)) == true)
        try setMode(0o400, of: file.path)
        #expect(try SecretKeyFile(contentsOfFile: file.path).warnings.isEmpty)
    }
}
