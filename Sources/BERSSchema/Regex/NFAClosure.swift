/// The facts about the current input position that assertions look at.
struct AssertionContext {
    var atStart: Bool
    var atEnd: Bool
    var previousIsWord: Bool
    var nextIsWord: Bool

    @inline(__always)
    func holds(_ kind: Int32) -> Bool {
        switch kind {
        case Int32(RegexAssertion.start.rawValue): return atStart
        case Int32(RegexAssertion.end.rawValue): return atEnd
        case Int32(RegexAssertion.wordBoundary.rawValue): return previousIsWord != nextIsWord
        default: return previousIsWord == nextIsWord
        }
    }
}

/// Follows the epsilon edges (splits, jumps, assertions that hold) of an ``NFAProgram``.
struct NFAClosure {
    private var mark: [UInt32]
    private var generation: UInt32 = 0
    private var stack: [Int32] = []
    /// Instructions visited so far (the DFA builder's work budget).
    private(set) var work = 0

    init(size: Int) { mark = [UInt32](repeating: 0, count: size) }

    /// Appends the consume instructions reachable from `pcs` to `consuming` (each once) and
    /// returns whether a match instruction is reachable.
    mutating func compute(
        _ nfa: NFAProgram,
        from pcs: [Int32],
        context: AssertionContext,
        into consuming: inout [Int32]
    ) -> Bool {
        generation &+= 1
        if generation == 0 {
            for index in mark.indices { mark[index] = 0 }
            generation = 1
        }
        var matched = false
        for pc in pcs.reversed() { stack.append(pc) }
        while let pc = stack.popLast() {
            let index = Int(pc)
            if mark[index] == generation { continue }
            mark[index] = generation
            work += 1
            switch nfa.ops[index] {
            case .consume: consuming.append(pc)
            case .match: matched = true
            case .jump: stack.append(nfa.arg1[index])
            case .split:
                stack.append(nfa.arg2[index])
                stack.append(nfa.arg1[index])
            case .assert:
                if context.holds(nfa.arg1[index]) { stack.append(nfa.arg2[index]) }
            }
        }
        return matched
    }
}
