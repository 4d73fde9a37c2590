import BERSJSON
import BERSSchema
import Benchmark
import Foundation

// Validation throughput on ../shared/bench/validation/<schema>/ (4 real draft-07 schemas x 1000
// labelled instances, formats asserted), the corpus jsonschema-rs is measured on with
// ../shared/tools/validator_bench.py. Each benchmark validates all 1000 instances with
// `isValid` once per 1000 scaled iterations, so the reported time is nanoseconds per instance.
//
// Run: cd Benchmarks && swift package --allow-writing-to-package-directory benchmark --target ValidationBenchmarks
// The data is found at $BERS_SHARED/bench/validation or ../shared/bench/validation beside the checkout.

/// One schema of the corpus: its compiled validator and its instances, parsed outside the timing.
struct ValidationCorpus {
    let validator: SchemaValidator
    let instances: [JSONValue]

    static let schemas = ["build", "environment", "monitoring", "providers"]

    static func sharedFolder() -> URL? {
        if let explicit = ProcessInfo.processInfo.environment["BERS_SHARED"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        // Benchmarks/Benchmarks/ValidationBenchmarks/ValidationBenchmarks.swift -> checkout -> ../shared
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let candidate = url.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    static func load(_ name: String) -> ValidationCorpus? {
        guard let folder = sharedFolder()?.appendingPathComponent("bench/validation/\(name)"),
            let schemaData = try? Data(contentsOf: folder.appendingPathComponent("schema.json")),
            let instanceData = try? Data(contentsOf: folder.appendingPathComponent("instances.jsonl")),
            let schema = try? JSONParser().parse([UInt8](schemaData)).value,
            let validator = try? SchemaValidator(schema: schema, options: ValidatorOptions(formatAssertion: true))
        else { return nil }
        let lines = [UInt8](instanceData).split(separator: UInt8(ascii: "\n"))
        let instances = lines.compactMap {
            try? JSONParser(options: .init(recordPositions: false)).parse(Array($0)).value
        }
        return ValidationCorpus(validator: validator, instances: instances)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        timeUnits: .nanoseconds,
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 2_000
    )
    for name in ValidationCorpus.schemas {
        guard let corpus = ValidationCorpus.load(name), corpus.instances.count == 1000 else {
            print("ValidationBenchmarks: bench/validation/\(name) not found (set BERS_SHARED); skipped")
            continue
        }
        Benchmark("isValid/\(name) (ns per instance)") { benchmark in
            let validator = corpus.validator
            let instances = corpus.instances
            for index in benchmark.scaledIterations {
                blackHole(validator.isValid(instances[index]))
            }
        }
    }
}
