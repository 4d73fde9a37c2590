extension Bench {
    /// The project's detector, without its memo, on the options' context.
    func measureDetection() -> Outcome {
        let detector = project.detector()
        let context = options.detectionContext
        return .measured(
            stopwatch.measure(BenchOperation.detection.rawValue) { _ in consume(detector.detectUncached(context)) }
        )
    }

    /// The project read again from its directory and the environment resolved from disk.
    func measureLoading() -> Outcome {
        .measured(
            stopwatch.measure(BenchOperation.loading.rawValue) { _ in
                let fresh = try ConfigProject(directory: project.directory, fileSystem: project.fileSystem)
                consume(try fresh.resolve(options.environment, options: options.resolveOptions))
            }
        )
    }

    /// Typed reads of the leaves of `configuration`, one leaf per call, in turn.
    func measureLookups(_ configuration: ResolvedConfiguration) -> Outcome {
        let lookups = LeafLookup.all(in: configuration)
        guard !lookups.isEmpty else { return .skipped("the configuration holds no values") }
        return .measured(
            stopwatch.measure(BenchOperation.lookup.rawValue) { index in
                consume(try lookups[index % lookups.count].read(in: configuration))
            }
        )
    }

    /// Every endpoint expanded with sample parameters, one endpoint per call, in turn.
    func measureURLs(_ table: EndpointTable, tenantHash: String) -> Outcome {
        let calls = table.endpoints.map { EndpointCall($0, tenantHash: tenantHash) }
        guard !calls.isEmpty else { return .skipped("the configuration has no endpoints section") }
        return .measured(
            stopwatch.measure(BenchOperation.url.rawValue) { index in
                let call = calls[index % calls.count]
                consume(try table.url(call.name, call.parameters))
            }
        )
    }

    /// `project.validate(configuration)`; an invalid configuration counts as a failure.
    func measureValidation(_ configuration: ResolvedConfiguration) -> Outcome {
        guard project.settings.schema != nil else { return .skipped("bers.json names no schema") }
        return .measured(
            stopwatch.measure(BenchOperation.validation.rawValue) { _ in
                if let report = try project.validate(configuration), !report.isValid {
                    throw project.invalidConfiguration(options.environment, report: report)
                }
            }
        )
    }

    /// The resident set size before and after as many resolves as calls per operation.
    func measureMemory() -> MemoryGrowth? {
        guard let before = options.residentMemory() else { return nil }
        stopwatch.repeatUntimed("memory-growth") {
            consume(try? project.resolve(options.environment, options: options.resolveOptions))
        }
        guard let after = options.residentMemory() else { return nil }
        return MemoryGrowth(
            resolves: options.iterations,
            beforeBytes: before,
            afterBytes: after,
            threshold: project.settings.kpi[.memoryGrowth]
        )
    }
}

/// Keeps a result alive so that the call producing it is not optimised away.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
