@testable import BERS
import Testing

struct DetectionCacheTests {
    let clock = ManualClock()

    func cache() -> DetectionCache {
        DetectionCache(timeToLiveNanoseconds: 1_000_000_000, clock: clock)
    }

    func result(_ environment: Environment) -> DetectionResult {
        DetectionResult(environment: environment, source: .explicit, confidence: .high, trace: [])
    }

    @Test func contextsWithTheSameMemoKeyNeverGetEachOthersResult() {
        let cache = cache()
        let staging = DetectionContext(explicit: "staging")
        let production = DetectionContext(explicit: "production")
        cache.store(result(.staging), for: staging, key: 42)
        #expect(cache.result(for: production, key: 42) == nil)
        #expect(cache.result(for: staging, key: 42)?.environment == .staging)
        // The later context takes the place.
        cache.store(result(.production), for: production, key: 42)
        #expect(cache.result(for: staging, key: 42) == nil)
        #expect(cache.result(for: production, key: 42)?.environment == .production)
        #expect(cache.statistics == (hits: 2, misses: 2))
    }

    @Test func anEqualContextMadeSeparatelyFindsTheEntry() {
        let cache = cache()
        let settings = DetectionSettings(variables: ["A", "B"])
        let first = DetectionContext(environment: ["A": "x", "B": "y"], settings: settings, url: "https://h/?q=1")
        let second = DetectionContext(environment: ["B": "y", "A": "x"], settings: settings, url: "https://h/?q=1")
        #expect(first == second)
        #expect(first.memoKey == second.memoKey)
        cache.store(result(.staging), for: first)
        #expect(cache.result(for: second)?.environment == .staging)
    }

    @Test(arguments: [
        DetectionContext(explicit: "production", hostname: "a"),
        DetectionContext(explicit: "staging", hostname: "b"),
        DetectionContext(explicit: "staging", url: "https://a/", hostname: "a"),
        DetectionContext(explicit: "staging", environment: ["BERS_ENV": "x"], hostname: "a"),
        DetectionContext(explicit: "staging", hostname: "a", buildContext: "staging"),
        DetectionContext(hostname: "a"),
    ])
    func contextsDifferingInOneInputAreDifferent(_ other: DetectionContext) {
        #expect(DetectionContext(explicit: "staging", hostname: "a") != other)
    }

    @Test func anExpiredEntryIsAMissAndIsDropped() {
        let cache = cache()
        let context = DetectionContext(explicit: "staging")
        cache.store(result(.staging), for: context)
        clock.advance(byMilliseconds: 1000)
        #expect(cache.result(for: context) == nil)
        clock.advance(byMilliseconds: 1)
        cache.store(result(.production), for: context)
        #expect(cache.result(for: context)?.environment == .production)
    }
}
