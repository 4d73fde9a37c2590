import BERS

/// What an injected failure is: the system error a real disk would report.
///
/// The error thrown is the one ``LocalFileSystem`` throws for that system error:
/// `config.unreadable` for reads and listings, `config.write-failed` for writes, directories
/// and locks, with the system's text (`No space left on device`).
public enum FileSystemFault: Sendable, Hashable {
    /// `ENOSPC`: the disk is full.
    case diskFull
    /// `EACCES`: permission denied.
    case permissionDenied
    /// `EISDIR`: a directory where a file is expected. The path also reads as a directory
    /// (``FileSystem/itemKind(atPath:)``), as it would on disk.
    case isADirectory
    /// `EIO`: the device failed.
    case ioError
    /// A failure described by `reason`.
    case other(String)

    /// The text the system gives for the failure, `No space left on device`.
    public var reason: String {
        switch self {
        case .diskFull: "No space left on device"
        case .permissionDenied: "Permission denied"
        case .isADirectory: "Is a directory"
        case .ioError: "Input/output error"
        case .other(let reason): reason
        }
    }

    /// The error `operation` on `path` fails with, worded as ``LocalFileSystem`` words it.
    public func error(for operation: FileSystemOperation, atPath path: String) -> ConfigError {
        switch operation {
        case .read: ConfigError(.unreadable, "cannot read \(path): \(reason)")
        case .list: ConfigError(.unreadable, "cannot read directory \(path): \(reason)")
        case .write: ConfigError(.writeFailed, "cannot write \(path): \(reason); nothing was written")
        case .createDirectory: ConfigError(.writeFailed, "cannot create directory \(path): \(reason)")
        case .lock: ConfigError(.writeFailed, "cannot lock \(path): \(reason)")
        }
    }
}
