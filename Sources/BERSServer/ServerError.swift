import BERSJSON
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error of the configuration service itself (its requests' errors are responses).
public struct ServerError: BERSError {
    /// A stable identifier of the kind of error.
    public struct Code: BERSErrorCode {
        /// The stable text of the code.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }

        /// The server could not listen on its address (in use, not an address of this machine,
        /// not allowed).
        public static let cannotListen = Code("serve.cannot-listen")
    }

    /// What kind of error this is.
    public var code: Code
    /// One sentence saying what is wrong.
    public var message: String
    /// Always `nil`: a server error concerns no file.
    public var location: SourceLocation? { nil }

    /// The error of a server that could not listen on `host`:`port` because of `error`.
    static func cannotListen(host: String, port: Int, _ error: any Error) -> ServerError {
        let reason: String
        if let error = error as? IOError {
            reason = String(cString: strerror(error.errnoCode))
        } else if let error = error as? SocketAddressError {
            reason = "\(error)"
        } else {
            reason = "\(error)"
        }
        return ServerError(
            code: .cannotListen,
            message: "cannot listen on \(host):\(port): \(reason); pass another --host or --port (0 picks a free port)"
        )
    }
}
