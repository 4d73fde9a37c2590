/// A parsed ECMA-262 regular expression.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One code point (or UTF-16 unit) from the set.
    case set(ScalarSet)
    /// The items one after another.
    case concat([RegexNode])
    /// The first alternative that matches (ECMA-262 order).
    case alternation([RegexNode])
    /// A group; `capture` is the 1-based capture index of a capturing group.
    case group(RegexNode, capture: Int?)
    /// `node{min,max}`; `max == nil` is unbounded.
    case quantified(RegexNode, min: Int, max: Int?, greedy: Bool)
    /// `^`, `$`, `\b` or `\B`.
    case assertion(RegexAssertion)
    /// `\N` or `\k<name>` (resolved to its group index).
    case backreference(Int)
    /// `(?=…)`, `(?!…)`, `(?<=…)` or `(?<!…)`.
    case lookaround(RegexNode, behind: Bool, negated: Bool)
}

/// A zero-width assertion the linear engines support.
enum RegexAssertion: UInt8, Sendable {
    /// `^` (input start; no multiline flag).
    case start
    /// `$` (input end; no multiline flag).
    case end
    /// `\b`.
    case wordBoundary
    /// `\B`.
    case notWordBoundary
}

extension RegexNode {
    /// Whether the node needs the backtracking engine (backreferences or lookaround).
    var needsBacktracking: Bool {
        switch self {
        case .empty, .set, .assertion: return false
        case .backreference, .lookaround: return true
        case .concat(let items), .alternation(let items): return items.contains { $0.needsBacktracking }
        case .group(let node, _), .quantified(let node, _, _, _): return node.needsBacktracking
        }
    }

    /// Whether the node contains `\b` or `\B`.
    var usesWordBoundary: Bool {
        switch self {
        case .empty, .set, .backreference: return false
        case .assertion(let kind): return kind == .wordBoundary || kind == .notWordBoundary
        case .concat(let items), .alternation(let items): return items.contains { $0.usesWordBoundary }
        case .group(let node, _), .quantified(let node, _, _, _), .lookaround(let node, _, _):
            return node.usesWordBoundary
        }
    }

    /// Whether every match must begin at the start of the input (`^` leads every alternative).
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(let kind): return kind == .start
        case .concat(let items):
            for item in items {
                if item.isAnchoredAtStart { return true }
                if !item.isZeroWidthAlways { return false }
            }
            return false
        case .alternation(let items): return !items.isEmpty && items.allSatisfy { $0.isAnchoredAtStart }
        case .group(let node, _): return node.isAnchoredAtStart
        case .quantified(let node, let min, _, _): return min > 0 && node.isAnchoredAtStart
        case .empty, .set, .backreference, .lookaround: return false
        }
    }

    /// Whether the node never consumes input (so a following `^` still anchors).
    private var isZeroWidthAlways: Bool {
        switch self {
        case .empty, .assertion, .lookaround: return true
        default: return false
        }
    }

    /// The number of program instructions compiling the node takes, saturating at `limit + 1`.
    func programSize(limit: Int) -> Int {
        func add(_ a: Int, _ b: Int) -> Int { min(limit + 1, a + b) }
        switch self {
        case .empty: return 0
        case .set, .assertion, .backreference: return 1
        case .concat(let items):
            return items.reduce(0) { add($0, $1.programSize(limit: limit)) }
        case .alternation(let items):
            return items.reduce(items.count * 2) { add($0, $1.programSize(limit: limit)) }
        case .group(let node, _): return add(node.programSize(limit: limit), 4)
        case .lookaround(let node, _, _): return add(node.programSize(limit: limit), 2)
        case .quantified(let node, let low, let high, _):
            let body = add(node.programSize(limit: limit), 6)
            let copies = high ?? (low + 1)
            if copies > limit { return limit + 1 }
            let (product, overflow) = body.multipliedReportingOverflow(by: max(copies, 1))
            return overflow ? limit + 1 : min(limit + 1, product)
        }
    }
}
