import BERS
import BERSSecrets
import BERSTestSupport
import Foundation
import Testing

struct KeyringLoaderTests {
    @Test func nothingGivenIsNoKeyring() throws {
        #expect(try KeyringLoader().load(keyFiles: [], environment: [:]) == nil)
        let empty = ["BERS_SECRET_KEY": "", "BERS_SECRET_KEY_FILE": ""]
        #expect(try KeyringLoader().load(keyFiles: [], environment: empty) == nil)
    }

    @Test func keyFilesThenTheFileVariableThenTheKeyVariable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = (0..<4).map { _ in SecretKey.generate() }
        var paths: [String] = []
        for (index, key) in keys.prefix(3).enumerated() {
            let path = directory.path + "/\(index).key"
            try SecretKeyFile.write(key, toPath: path)
            paths.append(path)
        }
        let environment = [
            "BERS_SECRET_KEY_FILE": "\(paths[1])::\(paths[2])",
            "BERS_SECRET_KEY": keys[3].base64,
        ]
        let loaded = try #require(try KeyringLoader().load(keyFiles: [paths[0]], environment: environment))
        #expect(loaded.keyring.keyIDs == keys.map(\.id))
        #expect(loaded.keyring.primary == keys[0])
        #expect(loaded.warnings.isEmpty)
        let fromVariables = try #require(try KeyringLoader().load(keyFiles: [], environment: environment))
        #expect(fromVariables.keyring.primary == keys[1])
    }

    @Test func theKeyVariableAloneIsEnoughAndMayBeAKeyFileLine() throws {
        let key = try TestKeys.new()
        for text in [key.base64, SecretKeyFile.text(of: key)] {
            let loaded = try #require(try KeyringLoader().load(keyFiles: [], environment: ["BERS_SECRET_KEY": text]))
            #expect(loaded.keyring.keyIDs == [key.id])
        }
    }

    @Test func aMalformedKeyVariableIsNamedNotShown() {
        do {
            _ = try KeyringLoader().load(keyFiles: [], environment: ["BERS_SECRET_KEY": "hunter2hunter2"])
            Issue.record("accepted a malformed key")
        } catch {
            #expect(error.code == .invalidSecretKey)
            #expect(error.message.contains("BERS_SECRET_KEY"))
            #expect(!error.message.contains("hunter2"))
        }
    }

    @Test func warningsOfLooseKeyFilesAreReturned() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("k.key", SecretKeyFile.text(of: try TestKeys.old()))
        try setMode(0o644, of: file.path)
        let loaded = try #require(try KeyringLoader().load(keyFiles: [file.path], environment: [:]))
        #expect(loaded.warnings.count == 1)
    }

    @Test func theKeyringOpensValuesDuringResolution() throws {
        let keyring = AESGCMKeyring(primary: try TestKeys.old())
        let sealed = try keyring.seal("pa55", context: SecretContext(environment: "production"))
        let project = try ConfigProject(
            directory: "config",
            fileSystem: InMemoryFileSystem([
                "config/default.json": #"{"db": {"password": "none"}}"#,
                "config/production.json": #"{"db": {"password": "\#(sealed)"}}"#,
            ])
        )
        let resolved = try project.resolve(.production, options: ResolveOptions(secretKeyring: keyring))
        #expect(try resolved.string("db.password") == "pa55")
        #expect(resolved.isSecret("db.password"))
    }
}
