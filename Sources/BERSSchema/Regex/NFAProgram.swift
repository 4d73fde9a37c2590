/// A Thompson NFA for the linear engines (``DFA`` and ``PikeVM``).
///
/// The linear engines answer only "is there a match", so groups compile to nothing and greedy and
/// lazy quantifiers are the same. Backreferences and lookaround cannot be expressed; when `relaxed`
/// is set they compile to a superset (`[^]*` and the empty string), giving a prefilter whose
/// "no match" is exact for the backtracking engine.
struct NFAProgram: Sendable {
    enum Op: UInt8, Sendable {
        /// Consume one input unit in `sets[arg1]`, continue at `arg2`.
        case consume
        /// Continue at both `arg1` and `arg2`.
        case split
        /// Continue at `arg1`.
        case jump
        /// Continue at `arg2` when assertion `arg1` (a ``RegexAssertion`` raw value) holds.
        case assert
        /// A match.
        case match
    }

    var ops: [Op] = []
    var arg1: [Int32] = []
    var arg2: [Int32] = []
    var sets: [ScalarSet] = []
    var start: Int32 = 0
    /// Whether the program is exact (no backreference or lookaround was relaxed).
    var exact = true
    /// Whether any `\b` / `\B` remains.
    var usesWordBoundary = false
    /// Whether every match starts at input start.
    var anchoredAtStart = false

    var count: Int { ops.count }

    /// Compiles `node`.
    init(_ node: RegexNode) {
        var builder = Builder()
        let matchPC = builder.add(.match, 0, 0)
        let entry = builder.emit(node, next: matchPC)
        ops = builder.ops
        arg1 = builder.arg1
        arg2 = builder.arg2
        sets = builder.sets
        start = entry
        exact = !builder.relaxed
        usesWordBoundary = builder.usesWordBoundary
        anchoredAtStart = node.isAnchoredAtStart
    }

    private struct Builder {
        var ops: [Op] = []
        var arg1: [Int32] = []
        var arg2: [Int32] = []
        var sets: [ScalarSet] = []
        var setIndex: [ScalarSet: Int32] = [:]
        var relaxed = false
        var usesWordBoundary = false

        mutating func add(_ op: Op, _ a: Int32, _ b: Int32) -> Int32 {
            ops.append(op)
            arg1.append(a)
            arg2.append(b)
            return Int32(ops.count - 1)
        }

        mutating func intern(_ set: ScalarSet) -> Int32 {
            if let index = setIndex[set] { return index }
            let index = Int32(sets.count)
            sets.append(set)
            setIndex[set] = index
            return index
        }

        /// Compiles `node` so that it continues at `next`; returns its entry.
        mutating func emit(_ node: RegexNode, next: Int32) -> Int32 {
            switch node {
            case .empty:
                return next
            case .set(let set):
                return add(.consume, intern(set), next)
            case .concat(let items):
                var entry = next
                for item in items.reversed() { entry = emit(item, next: entry) }
                return entry
            case .alternation(let items):
                var entries = items.map { emit($0, next: next) }
                var entry = entries.removeLast()
                for item in entries.reversed() { entry = add(.split, item, entry) }
                return entry
            case .group(let inner, _):
                return emit(inner, next: next)
            case .assertion(let kind):
                if kind == .wordBoundary || kind == .notWordBoundary { usesWordBoundary = true }
                return add(.assert, Int32(kind.rawValue), next)
            case .backreference:
                relaxed = true
                return star(.set(.all), next: next)
            case .lookaround:
                relaxed = true
                return next
            case .quantified(let inner, let low, let high, _):
                var entry: Int32
                if let high {
                    entry = next
                    for _ in 0..<(high - low) {
                        let body = emit(inner, next: entry)
                        entry = add(.split, body, next)
                    }
                } else {
                    entry = star(inner, next: next)
                }
                for _ in 0..<low { entry = emit(inner, next: entry) }
                return entry
            }
        }

        mutating func star(_ inner: RegexNode, next: Int32) -> Int32 {
            let loop = add(.split, 0, next)
            let body = emit(inner, next: loop)
            arg1[Int(loop)] = body
            return loop
        }
    }
}
