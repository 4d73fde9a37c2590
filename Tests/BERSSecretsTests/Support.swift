import BERS
import BERSSecrets
import BERSTestSupport
import Foundation

/// Two keys fixed for the tests (32 bytes each, base64).
enum TestKeys {
    static let oldBase64 = Data(repeating: 0x11, count: 32).base64EncodedString()
    static let newBase64 = Data(repeating: 0x22, count: 32).base64EncodedString()

    static func old() throws -> SecretKey { try SecretKey(base64: oldBase64) }
    static func new() throws -> SecretKey { try SecretKey(base64: newBase64) }
}

/// The permission bits of the file at `path`.
func mode(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? Int) ?? -1
}

/// Sets the permission bits of the file at `path`.
func setMode(_ mode: Int, of path: String) throws {
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
}

/// The bytes of the file at `path`.
func bytes(of path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// The names in `directory`, sorted.
func names(in directory: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
}

/// The code of the `ConfigError` `body` throws, or `nil`.
func errorCode(_ body: () throws -> Void) -> ConfigError.Code? {
    do {
        try body()
        return nil
    } catch let error as ConfigError {
        return error.code
    } catch {
        return nil
    }
}
