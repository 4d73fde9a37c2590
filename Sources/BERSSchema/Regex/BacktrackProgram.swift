/// A program for the ``Backtracker``: ECMA-262 matching order (greedy and lazy quantifiers,
/// ordered alternation), captures reset at each iteration, the empty-iteration check, and
/// lookbehind compiled to run right to left as the specification requires.
struct BacktrackProgram: Sendable {
    enum Op: UInt8, Sendable {
        /// Consume one unit in `sets[a]`; `b == 1` reads backwards (lookbehind).
        case consume
        /// Try `a`, on failure `b`.
        case split
        /// Continue at `next`.
        case jump
        /// `slots[a] = position`.
        case save
        /// Unset slots `a..<b` (captures of a quantified atom at each iteration).
        case clear
        /// `slots[a] = position` (start of an iteration that may not be empty).
        case loopEnter
        /// Fail when `slots[a] == position` (an optional iteration matched the empty string).
        case loopCheck
        /// Assertion `a` (a ``RegexAssertion`` raw value).
        case assert
        /// Backreference to group `a`; `b == 1` reads backwards.
        case backreference
        /// Lookaround whose body starts at `a`; `b` bit 0 = behind, bit 1 = negated.
        case look
        /// Success (of the pattern or of a lookaround body).
        case match
    }

    struct Instruction: Sendable {
        var op: Op
        var a: Int32
        var b: Int32
        var next: Int32
    }

    var code: [Instruction] = []
    var sets: [ScalarSet] = []
    var start: Int32 = 0
    /// Capture slots (2 per group, group 0 unused) followed by loop registers.
    var slotCount = 0
    var anchoredAtStart = false

    /// Compiles `node`, which has `captureCount` capturing groups.
    init(_ node: RegexNode, captureCount: Int) {
        var builder = Builder(slotCount: 2 * (captureCount + 1))
        let matchPC = builder.add(.match)
        start = builder.emit(node, next: matchPC, backward: false)
        code = builder.code
        sets = builder.sets
        slotCount = builder.slotCount
        anchoredAtStart = node.isAnchoredAtStart
    }

    private struct Builder {
        var code: [Instruction] = []
        var sets: [ScalarSet] = []
        var setIndex: [ScalarSet: Int32] = [:]
        var slotCount: Int

        mutating func add(_ op: Op, _ a: Int32 = 0, _ b: Int32 = 0, next: Int32 = -1) -> Int32 {
            code.append(Instruction(op: op, a: a, b: b, next: next))
            return Int32(code.count - 1)
        }

        mutating func newRegister() -> Int32 {
            slotCount += 1
            return Int32(slotCount - 1)
        }

        mutating func emit(_ node: RegexNode, next: Int32, backward: Bool) -> Int32 {
            switch node {
            case .empty:
                return next
            case .set(let set):
                let index: Int32
                if let known = setIndex[set] {
                    index = known
                } else {
                    index = Int32(sets.count)
                    sets.append(set)
                    setIndex[set] = index
                }
                return add(.consume, index, backward ? 1 : 0, next: next)
            case .concat(let items):
                var entry = next
                if backward {
                    for item in items { entry = emit(item, next: entry, backward: true) }
                } else {
                    for item in items.reversed() { entry = emit(item, next: entry, backward: false) }
                }
                return entry
            case .alternation(let items):
                var entries = items.map { emit($0, next: next, backward: backward) }
                var entry = entries.removeLast()
                for item in entries.reversed() { entry = add(.split, item, entry) }
                return entry
            case .group(let inner, let capture):
                guard let capture else { return emit(inner, next: next, backward: backward) }
                let startSlot = Int32(2 * capture)
                let endSlot = startSlot + 1
                let close = add(.save, backward ? startSlot : endSlot, next: next)
                let body = emit(inner, next: close, backward: backward)
                return add(.save, backward ? endSlot : startSlot, next: body)
            case .assertion(let kind):
                return add(.assert, Int32(kind.rawValue), next: next)
            case .backreference(let group):
                return add(.backreference, Int32(group), backward ? 1 : 0, next: next)
            case .lookaround(let inner, let behind, let negated):
                let bodyMatch = add(.match)
                let body = emit(inner, next: bodyMatch, backward: behind)
                return add(.look, body, (behind ? 1 : 0) | (negated ? 2 : 0), next: next)
            case .quantified(let inner, let low, let high, let greedy):
                let captures = inner.captureRange
                var entry: Int32
                if let high {
                    entry = next
                    for _ in 0..<(high - low) {
                        let register = newRegister()
                        let check = add(.loopCheck, register, next: entry)
                        let body = emit(inner, next: check, backward: backward)
                        let cleared = clear(captures, next: body)
                        let enter = add(.loopEnter, register, next: cleared)
                        entry = greedy ? add(.split, enter, next) : add(.split, next, enter)
                    }
                } else {
                    let register = newRegister()
                    let loop = add(.split)
                    let check = add(.loopCheck, register, next: loop)
                    let body = emit(inner, next: check, backward: backward)
                    let cleared = clear(captures, next: body)
                    let enter = add(.loopEnter, register, next: cleared)
                    code[Int(loop)].a = greedy ? enter : next
                    code[Int(loop)].b = greedy ? next : enter
                    entry = loop
                }
                for _ in 0..<low {
                    entry = clear(captures, next: emit(inner, next: entry, backward: backward))
                }
                return entry
            }
        }

        mutating func clear(_ captures: ClosedRange<Int>?, next: Int32) -> Int32 {
            guard let captures else { return next }
            return add(.clear, Int32(2 * captures.lowerBound), Int32(2 * captures.upperBound + 2), next: next)
        }
    }
}

extension RegexNode {
    /// The capture indices inside the node (they are numbered consecutively).
    var captureRange: ClosedRange<Int>? {
        var low = Int.max
        var high = Int.min
        func visit(_ node: RegexNode) {
            switch node {
            case .empty, .set, .assertion, .backreference: break
            case .concat(let items), .alternation(let items): items.forEach(visit)
            case .group(let inner, let capture):
                if let capture {
                    low = min(low, capture)
                    high = max(high, capture)
                }
                visit(inner)
            case .quantified(let inner, _, _, _), .lookaround(let inner, _, _): visit(inner)
            }
        }
        visit(self)
        return low <= high ? low...high : nil
    }
}
