import BERS

/// An operation of a ``FileSystem`` that a ``FaultInjectingFileSystem`` can make fail.
public enum FileSystemOperation: String, Sendable, Hashable, CaseIterable {
    /// ``FileSystem/contentsOfDirectory(atPath:)``.
    case list
    /// ``FileSystem/contents(atPath:maxBytes:)``.
    case read
    /// ``FileSystem/write(_:toPath:)``.
    case write
    /// ``FileSystem/createDirectory(atPath:)``.
    case createDirectory
    /// ``FileSystem/withExclusiveLock(onDirectory:_:)``.
    case lock

    /// Every operation that changes the disk: write, create a directory, take a lock.
    public static let writing: Set<FileSystemOperation> = [.write, .createDirectory, .lock]
    /// Every operation that reads: list and read.
    public static let reading: Set<FileSystemOperation> = [.list, .read]
}
