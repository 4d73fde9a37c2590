import BERSJSON

/// One message of etcd's watch stream, as the JSON gateway sends it (one JSON object per line).
enum EtcdWatchMessage: Sendable {
    /// The watch is registered; changes after `revision` follow.
    case created(revision: Int64)
    /// Changes, all of one or more revisions; `revision` is the store's revision when sent.
    case events([Event], revision: Int64)
    /// The revisions asked for were compacted away: everything must be read again.
    case compacted(compactRevision: Int64)
    /// etcd ended the watch for another reason, or sent an error.
    case failed(String)

    /// A change of one key.
    struct Event: Sendable {
        /// Whether the key was deleted (else it was put).
        let isDelete: Bool
        /// The key and, for a put, its new value.
        let keyValue: EtcdKeyValue
    }

    /// Reads one line of the stream; `nil` for a line that carries nothing (blank, or a progress
    /// notification without events).
    init?(line: [UInt8]) {
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        guard let document = try? JSONParser(options: .init(recordPositions: false)).parse(line),
            case .object(let object) = document.value
        else {
            self = .failed("etcd sent a watch message that is not a JSON object")
            return
        }
        if let error = object["error"]?.objectValue {
            self = .failed(EtcdJSON.reason(error["message"]) ?? "etcd ended the watch with an error")
            return
        }
        guard let result = object["result"]?.objectValue else { return nil }
        let revision = EtcdJSON.int64(result["header"]?.objectValue?["revision"])
        let compactRevision = EtcdJSON.int64(result["compact_revision"])
        if compactRevision > 0 {
            self = .compacted(compactRevision: compactRevision)
        } else if result["canceled"]?.boolValue == true {
            self = .failed(EtcdJSON.reason(result["cancel_reason"]) ?? "etcd cancelled the watch")
        } else if result["created"]?.boolValue == true {
            self = .created(revision: revision)
        } else if let events = result["events"]?.arrayValue, !events.isEmpty {
            self = .events(events.compactMap(Self.event), revision: revision)
        } else {
            return nil
        }
    }

    private static func event(_ json: JSONValue) -> Event? {
        guard case .object(let object) = json, let keyValue = object["kv"].flatMap(EtcdKeyValue.init) else {
            return nil
        }
        return Event(isDelete: object["type"]?.stringValue == "DELETE", keyValue: keyValue)
    }
}
