import Testing

@testable import BERS

#if canImport(Glibc)
import Glibc
#endif

@Suite("InotifyEvent")
struct InotifyEventTests {
    /// One record as the kernel lays it out: header, then the name NUL-padded to `length`.
    func record(watch: Int32, mask: UInt32, cookie: UInt32 = 0, name: String?, length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: watch.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: mask.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: cookie.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(length).littleEndian) { bytes.append(contentsOf: $0) }
        let name = Array((name ?? "").utf8)
        return bytes + name + [UInt8](repeating: 0, count: length - name.count)
    }

    @Test func parsesVariableLengthRecords() {
        let bytes =
            record(watch: 1, mask: 0x100, name: "default.json", length: 16)
            + record(watch: 2, mask: 0x400, cookie: 0, name: nil, length: 0)
            + record(watch: 1, mask: 0x80, cookie: 7, name: "..data", length: 32)
            + Array(record(watch: 1, mask: 0x2, name: "cut.json", length: 16).prefix(20))
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(
            events == [
                InotifyEvent(watch: 1, mask: 0x100, cookie: 0, name: "default.json"),
                InotifyEvent(watch: 2, mask: 0x400, cookie: 0, name: nil),
                InotifyEvent(watch: 1, mask: 0x80, cookie: 7, name: "..data"),
            ]
        )
    }

    #if os(Linux)
    @Test func overflowReportsEveryDirectoryWithUnknownNames() {
        var router = InotifyEventRouter(directories: [1: ["a"], 2: ["b", "./b"]], allDirectories: ["a", "b", "./b"])
        var pending = PendingChanges()
        _ = router.route(InotifyEvent(watch: 1, mask: UInt32(IN_MODIFY), cookie: 0, name: "x"), into: &pending)
        _ = router.route(InotifyEvent(watch: -1, mask: UInt32(IN_Q_OVERFLOW), cookie: 0, name: nil), into: &pending)
        #expect(
            pending.removeAll() == [
                DirectoryChange(directory: "a", names: nil),
                DirectoryChange(directory: "b", names: nil),
                DirectoryChange(directory: "./b", names: nil),
            ]
        )
    }

    @Test func aDirectoryMovedAwayIsReportedAndUnwatched() {
        var router = InotifyEventRouter(directories: [1: ["a"], 2: ["b"]], allDirectories: ["a", "b"])
        var pending = PendingChanges()
        let moved = router.route(
            InotifyEvent(watch: 2, mask: UInt32(IN_MOVE_SELF), cookie: 0, name: nil),
            into: &pending
        )
        #expect(moved == 2)
        _ = router.route(InotifyEvent(watch: 2, mask: UInt32(IN_IGNORED), cookie: 0, name: nil), into: &pending)
        _ = router.route(InotifyEvent(watch: 2, mask: UInt32(IN_CREATE), cookie: 0, name: "late"), into: &pending)
        _ = router.route(InotifyEvent(watch: 1, mask: UInt32(IN_MOVED_TO), cookie: 3, name: "..data"), into: &pending)
        #expect(router.directories == [1: ["a"]])
        #expect(
            pending.removeAll() == [
                DirectoryChange(directory: "b", names: nil),
                DirectoryChange(directory: "a", names: ["..data"]),
            ]
        )
    }
    #endif
}
