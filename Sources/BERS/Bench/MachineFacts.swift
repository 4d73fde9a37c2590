#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and when a `bers bench` run was made, saved with it so that a comparison can say what it
/// compares.
public struct MachineFacts: Sendable, Hashable {
    /// The UTC time of the run (`20261129T073012Z`).
    public var date: String
    /// The machine's host name.
    public var hostName: String
    /// The number of online processors.
    public var cpuCount: Int
    /// The BERS version that measured (``BERSVersion/current``).
    public var bersVersion: String

    /// Facts with these values.
    public init(date: String, hostName: String, cpuCount: Int, bersVersion: String) {
        self.date = date
        self.hostName = hostName
        self.cpuCount = cpuCount
        self.bersVersion = bersVersion
    }

    /// The facts of this machine now.
    public static func current() -> MachineFacts {
        MachineFacts(
            date: UTCTimestamp.now().description,
            hostName: hostName(),
            cpuCount: max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))),
            bersVersion: BERSVersion.current
        )
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return bytes.isEmpty ? "unknown" : String(decoding: bytes, as: UTF8.self)
    }
}
