import BERS
import Foundation

// A plain loop over one core operation, for profilers (perf, valgrind --tool=callgrind):
//   .build/release/ProfileDriver resolve ../../shared/bench/workload/config 200000
// Operations: resolve (project load + resolve from disk), resolve-loaded (resolve only).

let arguments = CommandLine.arguments
guard arguments.count >= 4, let iterations = Int(arguments[3]) else {
    print("usage: ProfileDriver resolve|resolve-loaded CONFIG_DIR ITERATIONS")
    exit(64)
}
let directory = arguments[2]
var checksum = 0
switch arguments[1] {
case "resolve":
    for _ in 0..<iterations {
        let project = try ConfigProject(directory: directory)
        checksum &+= try project.resolve(.production).int("api.timeout")
    }
case "resolve-loaded":
    let project = try ConfigProject(directory: directory)
    for _ in 0..<iterations {
        checksum &+= try project.resolve(.production).int("api.timeout")
    }
default:
    print("unknown operation \(arguments[1])")
    exit(64)
}
print("checksum \(checksum)")
