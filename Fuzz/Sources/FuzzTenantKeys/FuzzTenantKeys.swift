@testable import BERS
import FuzzSupport

@testable import BERSRemoteStores

/// Tenant hashes, store keys and store addresses: everything that turns outside text into a place
/// to read or write.
///
/// Properties: an accepted tenant hash is safe as a key segment; a derived hash passes the check;
/// a key accepted by the file store stays under its root; a key accepted by the remote stores
/// has no empty, `.` or `..` segment and no control character; store URLs parse or fail typed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTenantKeys(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzInput(start, count).text
    checkHash(text)
    checkFileStoreKey(text)
    checkRemoteKey(text)
    _ = try? RemoteStoreURL(parsing: text)
    if let address = try? EtcdAddress(parsing: text) {
        fuzzCheck(!address.endpoints.isEmpty, "an etcd address without endpoints: \(text)")
    }
    return 0
}

func checkHash(_ text: String) {
    if let hash = try? TenantHash(text) {
        fuzzCheck(hash.value == text, "a hash that is not its text")
        fuzzCheck(
            hash.value.utf8.allSatisfy {
                isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            },
            "an accepted hash with an unsafe character: \(text)"
        )
    }
    for shape in [TenantHashShape.legacy, .hex14] {
        guard let derived = try? TenantHash.derive(tenantID: text, shape: shape) else {
            fuzzCheck(shape == .legacy, "the hex14 shape refused an id")
            continue
        }
        fuzzCheck((try? TenantHash(derived.value)) != nil, "a derived hash fails the check: \(derived.value)")
        fuzzCheck((try? TenantHash.derive(tenantID: text, shape: shape)) == derived, "deriving is not deterministic")
    }
}

func checkFileStoreKey(_ text: String) {
    let store = FileSystemTenantStore(root: "/store", fileSystem: InMemoryFileSystem())
    guard let path = try? store.path(for: text) else { return }
    // Bytes, as the file system reads the path: no segment may go up.
    let segments = path.utf8.split(separator: UInt8(ascii: "/"))
    fuzzCheck(path.utf8.starts(with: "/store/".utf8), "the key \(text) gives a path outside the store: \(path)")
    fuzzCheck(!segments.contains { $0.elementsEqual("..".utf8) }, "the key \(text) leaves the store: \(path)")
}

func checkRemoteKey(_ text: String) {
    guard (try? ObjectKey.validate(text, store: "fuzz")) != nil else { return }
    // Bytes, as a store reads the key: a / followed by a combining mark still splits.
    let segments = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    fuzzCheck(
        !segments.contains { $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8) },
        "an accepted key with an empty or dot segment: \(text)"
    )
    fuzzCheck(!text.utf8.contains { $0 < 0x20 || $0 == 0x7F }, "an accepted key with a control character")
}

func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}
