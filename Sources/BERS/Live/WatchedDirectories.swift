/// What the watcher of a ``LiveConfiguration`` watches: the directories, and where they lead.
///
/// Where each directory leads is its path with its links resolved. The watcher is rebuilt when
/// either changes, so it follows a layer link retargeted to another folder and a config directory
/// link swapped to another release.
///
/// The directories are the config directory and the folder of every file read; on a file system
/// with symbolic links (``SymbolicLinkReading``), also the folder holding each link met on the way
/// to those (every hop of a chain, and any linked ancestor of the config directory) and the folder
/// a linked file finally lies in.
struct WatchedDirectories: Sendable, Equatable {
    /// The directories to watch, the config directory first; those beyond it exist.
    let paths: [String]
    /// Each directory of ``paths`` with its links resolved (``FileSystem/canonicalPath(_:)``).
    let destinations: [String]

    /// The directories to watch for the config directory `directory` and the files `files` read.
    static func of(directory: String, files: [String], in fileSystem: any FileSystem) -> WatchedDirectories {
        var builder = Builder(directory: directory, fileSystem: fileSystem)
        let links = fileSystem as? any SymbolicLinkReading
        if let links { builder.addLinked(LinkTrail.follow(directory, in: links).linkFolders) }
        for file in files {
            builder.add(GenerationSource.folder(of: file))
            guard let links else { continue }
            let trail = LinkTrail.follow(file, in: links)
            builder.addLinked(trail.linkFolders + [GenerationSource.folder(of: trail.destination)])
        }
        return WatchedDirectories(paths: builder.paths, destinations: builder.destinations)
    }

    /// Collects the directories, once each.
    private struct Builder {
        let fileSystem: any FileSystem
        var paths: [String]
        var destinations: [String]

        init(directory: String, fileSystem: any FileSystem) {
            self.fileSystem = fileSystem
            paths = [directory]
            destinations = [fileSystem.canonicalPath(directory)]
        }

        /// Adds `folder` unless it is there already (as spelt) or does not exist.
        mutating func add(_ folder: String) {
            guard !paths.contains(folder), fileSystem.directoryExists(atPath: folder) else { return }
            paths.append(folder)
            destinations.append(fileSystem.canonicalPath(folder))
        }

        /// Adds the folders a link trail met, unless they lead to a directory already there
        /// (another spelling of it: its watch is shared, and a change of where a spelling leads
        /// still shows in ``WatchedDirectories/destinations``).
        mutating func addLinked(_ folders: [String]) {
            for folder in folders where !paths.contains(folder) {
                let destination = fileSystem.canonicalPath(folder)
                guard !destinations.contains(destination), fileSystem.directoryExists(atPath: folder) else { continue }
                paths.append(folder)
                destinations.append(destination)
            }
        }
    }
}
