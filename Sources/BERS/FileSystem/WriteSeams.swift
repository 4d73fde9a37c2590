/// The system calls of ``LocalFileSystem``'s writes as points a test can make fail, on the real
/// disk: the temporary file cannot be created, `write(2)` runs out of space half way, `fsync(2)`
/// reports an I/O error, `rename(2)` refuses.
///
/// Internal, and only tests set it (through `@testable import`): a ``LocalFileSystem`` made with
/// ``LocalFileSystem/init()`` has none and makes every call directly.
struct WriteSeams: Sendable {
    /// A system call of the write path.
    enum Call: Sendable, Hashable {
        /// `mkstemp(3)` of the temporary file beside the target.
        case createTemporary
        /// One `write(2)` of the temporary file's bytes.
        case write
        /// `fsync(2)` of the temporary file.
        case fsync
        /// `link(2)` keeping the old file while several files are replaced (`writeAll`).
        case keepOld
        /// `rename(2)` of the temporary file over the target.
        case rename
        /// `rename(2)` putting an old file back after a later rename failed (`writeAll`).
        case restore
        /// `mkdir(2)`.
        case createDirectory
    }

    /// Called before each call with the call and the target path: an `errno` value to fail the
    /// call with instead of making it, or `nil` to make it.
    var failure: @Sendable (Call, String) -> Int32?
    /// The most bytes one `write(2)` writes (short writes), or `nil` for all it is given.
    var maxBytesPerWrite: Int?

    /// Seams failing calls as `failure` says, writing at most `maxBytesPerWrite` bytes at a time.
    init(maxBytesPerWrite: Int? = nil, failure: @escaping @Sendable (Call, String) -> Int32?) {
        self.failure = failure
        self.maxBytesPerWrite = maxBytesPerWrite
    }
}
