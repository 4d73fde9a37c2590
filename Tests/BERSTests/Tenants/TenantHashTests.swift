import BERS
import Testing

struct TenantHashTests {
    @Test(arguments: ["my87674d777bf9", "auc5b0ecb0adcb", "8b464847ae0ede"])
    func acceptsTheRealShapes(_ text: String) throws {
        #expect(try TenantHash(text).value == text)
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("../etc/passwd", "a dot"),
        ("my87674d777bf9/", "a path separator"),
        ("%2e%2e", "a percent escape"),
        ("my87674d777bf9 ", "white space"),
        ("MY87674D777BF9", "upper case"),
        (String(repeating: "a", count: 1000), "longer than 64"),
        ("my87674d777bf", "none of the accepted shapes"),
        ("zz87674d777bfg", "none of the accepted shapes"),
        ("my87674d777bf9\u{0}", "U+0"),
    ])
    func rejectsEverythingElseBeforeAnyIO(_ text: String, _ reason: String) {
        let error = #expect(throws: TenantError.self) { try TenantHash(text) }
        #expect(error?.code == .invalidHash)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("accepted: 2 lowercase letters + 12 hex digits; 14 hex digits") == true)
    }

    @Test func longInputIsShortenedInTheMessage() {
        let error = #expect(throws: TenantError.self) { try TenantHash(String(repeating: "a", count: 1000)) }
        #expect((error?.message.count ?? 0) < 200)
        #expect(error?.message.contains("(1000 characters)") == true)
    }

    @Test func policyCanAcceptOtherShapes() throws {
        let policy = TenantHashPolicy(shapes: [.pattern(minLength: 6, maxLength: 32)])
        #expect(try TenantHash("tenant_hash-1", policy: policy).value == "tenant_hash-1")
        #expect(throws: TenantError.self) {
            try TenantHash("my87674d777bf9", policy: TenantHashPolicy(shapes: [.hex14]))
        }
        #expect(throws: TenantError.self) { try TenantHash("a/b/c/d/e/f", policy: policy) }
    }

    @Test(arguments: [
        ("MYR384719", "my87674d777bf9"), ("AUS123957", "auc5b0ecb0adcb"), ("ATL642715", "at807c3896fbd2"),
    ])
    func reproducesTheRealRecipe(_ id: String, _ hash: String) throws {
        #expect(try TenantHash.derive(tenantID: id).value == hash)
    }

    @Test func fourteenHexShapeTakesTheDigestPrefix() throws {
        #expect(try TenantHash.derive(tenantID: "BRI071351", shape: .hex14).value == "8b464847ae0ede")
        #expect(try TenantHash.derive(tenantID: "BRI071351", shape: .legacy).value == "br8b464847ae0e")
    }

    /// Fuzzing finding O1: an id with fewer than two letters gave a 12- or 13-character "legacy"
    /// hash that the hash check itself refuses.
    @Test(arguments: ["", "123456", "7x9", "é1"])
    func legacyShapeRefusesAnIDWithFewerThanTwoLetters(_ id: String) throws {
        let error = #expect(throws: TenantError.self) { try TenantHash.derive(tenantID: id) }
        #expect(error?.code == .invalidHash)
        #expect(error?.message.contains("fewer than two letters") == true)
        let hex = try TenantHash.derive(tenantID: id, shape: .hex14)
        #expect(try TenantHash(hex.value) == hex)
    }

    @Test func everyDerivedLegacyHashPassesTheCheck() throws {
        for id in ["ab", "a1b", "X-y", "MYR384719", "zz" + String(repeating: "9", count: 62)] {
            let hash = try TenantHash.derive(tenantID: id)
            #expect(try TenantHash(hash.value) == hash)
        }
    }
}

struct BERSDigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesTheFIPSVectors(_ input: String, _ digest: String) {
        #expect(BERSDigest.sha256Hex(Array(input.utf8)) == digest)
    }

    @Test func aMillionAs() {
        var hash = BERSDigest.SHA256Hasher()
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hash.update(block) }
        #expect(BERSDigest.hex(hash.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [55, 56, 63, 64, 65, 119, 120])
    func paddingBoundariesAgreeWithIncrementalUpdates(_ length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var incremental = BERSDigest.SHA256Hasher()
        for byte in bytes { incremental.update([byte]) }
        #expect(incremental.finalize() == BERSDigest.sha256(bytes))
    }
}
