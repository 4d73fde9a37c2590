import BERSJSON

/// One key of etcd as the v3 JSON gateway returns it (key and value in base64, numbers as text).
struct EtcdKeyValue: Sendable, Hashable {
    /// The key, UTF-8.
    let key: String
    /// The value (empty for a deletion, or when only keys were asked for).
    let value: [UInt8]
    /// The revision of the key's last modification.
    let modRevision: Int64
    /// The revision of the key's creation.
    let createRevision: Int64

    /// Reads a `kv` object; `nil` when it is not one.
    init?(_ json: JSONValue) {
        guard case .object(let object) = json, let key = EtcdJSON.bytes(object["key"]),
            let text = String(validating: key, as: UTF8.self)
        else { return nil }
        self.key = text
        self.value = EtcdJSON.bytes(object["value"]) ?? []
        self.modRevision = EtcdJSON.int64(object["mod_revision"])
        self.createRevision = EtcdJSON.int64(object["create_revision"])
    }
}
