import CLibFuzzer

#if canImport(Glibc)
import Glibc
#endif

/// The signature of a fuzz target: the input's bytes and length, 0 when done.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer's driver with the process's arguments and `target`, then exits with its status.
public func fuzzMain(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
