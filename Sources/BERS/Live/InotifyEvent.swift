/// One record read from an inotify descriptor: `struct inotify_event` (watch descriptor, mask,
/// cookie, name length) followed by the name, NUL-padded to the length the record declares.
struct InotifyEvent: Sendable, Equatable {
    /// The size of the fixed part of a record.
    static let headerSize = 16

    /// The watch the event concerns (-1 for a queue overflow).
    let watch: Int32
    /// What happened (`IN_*` bits).
    let mask: UInt32
    /// Pairs the two halves of a rename.
    let cookie: UInt32
    /// The entry's name inside the watched directory, `nil` for events on the directory itself.
    let name: String?

    /// The records in `bytes`, as one `read(2)` returned them.
    ///
    /// A record running past the end (which the kernel never returns) ends the list.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while bytes.count - offset >= headerSize {
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let end = offset + headerSize + length
            guard end <= bytes.count else { break }
            let nameBytes = bytes[(offset + headerSize)..<end].prefix { $0 != 0 }
            events.append(
                InotifyEvent(
                    watch: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                    mask: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                    cookie: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self),
                    name: nameBytes.isEmpty ? nil : String(decoding: nameBytes, as: UTF8.self)
                )
            )
            offset = end
        }
        return events
    }
}
