import BERS
import BERSRemoteStores
import Testing

struct EtcdAddressTests {
    @Test func endpointsAreTriedInOrderWithTheDefaultPort() throws {
        let address = try EtcdAddress(parsing: "etcd://10.0.0.1:2380,etcd-2.internal/picasso/staging/")
        #expect(address.endpoints.map(\.string) == ["http://10.0.0.1:2380", "http://etcd-2.internal:2379"])
        #expect(address.keyPrefix == "picasso/staging/")
        #expect(address.description == "etcd://10.0.0.1:2380,etcd-2.internal:2379/picasso/staging")
    }

    @Test func etcdsSpeaksHTTPSAndAnEmptyPrefixIsTheWholeKeySpace() throws {
        let address = try EtcdAddress(parsing: "etcds://[::1]:2379")
        #expect(address.endpoints.map(\.string) == ["https://[::1]:2379"])
        #expect(address.keyPrefix == "")
        #expect(
            try RemoteStoreURL(parsing: "etcd://127.0.0.1/p") == .etcd(try EtcdAddress(parsing: "etcd://127.0.0.1/p"))
        )
    }

    @Test(arguments: [
        ("etcd://", "a host is empty"),
        ("etcd://a,,b/p", "a host is empty"),
        ("etcd://host:99999/p", "is not a number from 1 to 65535"),
        ("etcd://user:secret@host/p", "user names and passwords"),
        ("etcd://host/p?x=1", "query strings"),
        ("etcd://host/p#frag", "fragments"),
        ("etcd://host/a/../b", "'..'"),
        ("etcd://host/../\u{301}b", "'..'"),
        ("etcd://bad_host/p", "not a valid host name"),
        ("zookeeper://host/p", "etcd:// or etcds://"),
    ])
    func malformedURLsAreRefusedSayingWhy(text: String, reason: String) {
        #expect {
            _ = try EtcdAddress(parsing: text)
        } throws: { error in
            guard let error = error as? TenantError else { return false }
            return error.code == .invalidStore && error.message.contains(reason)
        }
    }
}
