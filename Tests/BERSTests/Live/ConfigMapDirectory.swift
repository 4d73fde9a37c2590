import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ConfigMap volume as kubelet writes it: the files are links through `..data`, a link to the
/// current timestamped directory.
struct ConfigMapDirectory {
    let path: String

    /// Publishes `text` as `default.json` in a new `version` directory, the way kubelet's atomic
    /// writer does: write the directory, link `..data_tmp` to it, rename that over `..data`, link
    /// the visible names, remove the previous directory.
    func publish(version: String, text: String) throws {
        let previous = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(path)/..data")
        try FileManager.default.createDirectory(atPath: "\(path)/\(version)", withIntermediateDirectories: false)
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(version)/default.json"))
        #expect(symlink(version, "\(path)/..data_tmp") == 0)
        #expect(rename("\(path)/..data_tmp", "\(path)/..data") == 0)
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(path)/default.json")) == nil {
            #expect(symlink("..data/default.json", "\(path)/default.json") == 0)
        }
        if let previous { try FileManager.default.removeItem(atPath: "\(path)/\(previous)") }
    }
}
