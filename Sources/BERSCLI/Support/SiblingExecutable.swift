import BERS
import BERSJSON
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``RemoteStoreProvider`` that hands the whole command line to another executable installed
/// beside the running one (`bers-net`), replacing this process.
///
/// The command's arguments, environment, standard streams and exit status are those of the
/// other executable; nothing has been printed when it takes over.
public struct SiblingExecutable: RemoteStoreProvider, ServerLauncher {
    /// The file name of the executable, looked up in the directory of the running one.
    public let name: String

    /// The executable called `name` beside the running one.
    public init(named name: String) {
        self.name = name
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func commandWillUseRemoteStore() throws {
        try handOver()
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func withStore<Result: Sendable>(
        _ request: RemoteStoreRequest,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        try handOver()
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func withFeed<Result: Sendable>(
        _ request: RemoteStoreRequest,
        mirrorsConfiguration: Bool,
        _ body: (RemoteFeed?) async throws -> Result
    ) async throws -> Result {
        try handOver()
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func commandWillServe() throws {
        try handOver(for: "bers serve runs an HTTP server, which")
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func serve(_ request: ServeRequest, store: (any TenantStore)?) async throws {
        try handOver(for: "bers serve runs an HTTP server, which")
    }

    /// Replaces this process with the sibling executable, or throws when it cannot be started.
    private func handOver(
        for purpose: String = "this command uses a network tenant store (s3:// or http(s)://), which"
    ) throws(MissingComponentError) -> Never {
        let path = siblingPath()
        let arguments = [path] + CommandLine.arguments.dropFirst()
        fflush(nil)
        let cArguments = arguments.map { strdup($0) } + [nil]
        // Without a directory the running executable was found on PATH: so is its sibling.
        _ = path.contains("/") ? execv(path, cArguments) : execvp(path, cArguments)
        let reason = String(cString: strerror(errno))
        throw MissingComponentError(
            message:
                "\(purpose) bers reaches through \(name); \(path) cannot be started (\(reason)): install \(name) beside bers (README, Install)"
        )
    }

    /// The path of `name` in the directory of the running executable (links resolved), or `name`
    /// alone when that directory is unknown.
    private func siblingPath() -> String {
        let running = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments.first ?? ""
        guard let slash = running.utf8.lastIndex(of: UInt8(ascii: "/")) else { return name }
        return running[...slash] + name
    }
}
