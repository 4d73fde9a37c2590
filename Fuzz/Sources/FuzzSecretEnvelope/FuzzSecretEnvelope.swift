import BERS
import BERSSecrets
import FuzzSupport

/// Encrypted values (`enc:v1:<key id>:<payload>`) and `$secret` references from layer files.
///
/// Properties: parsing gives an envelope, `nil` (not an envelope) or `secret.*` error; opening a
/// forged envelope with a real key fails typed (AES-GCM authenticates), never with a crash or a
/// clear text; a sealed value opens to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSecretEnvelope(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput(start, count).text
    _ = try? SecretReference(parsing: text)
    let context = SecretContext(environment: "production")
    guard let key = try? SecretKey(base64: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=") else {
        fuzzFinding("the fixed key does not load")
    }
    let keyring = AESGCMKeyring(primary: key)
    if let envelope = try? SecretEnvelope.parse(text) {
        let forged = SecretEnvelope(keyID: key.id, payload: envelope.payload)
        fuzzCheck((try? keyring.open(forged, context: context)) == nil, "a forged envelope opened: \(text)")
    }
    if let sealed = try? keyring.seal(text, context: context) {
        fuzzCheck((try? keyring.open(sealed, context: context)) == text, "a sealed value does not open to itself")
    }
    return 0
}
