/// Simulates an ``NFAProgram`` on all threads at once (Thompson / Pike), in time linear in the
/// input for a fixed pattern.
///
/// Used when the ``DFA`` for a pattern would be too large.
enum PikeVM {
    /// Whether `nfa` matches anywhere in `units` (code points or UTF-16 code units).
    static func matches(_ nfa: NFAProgram, alphabet: Alphabet, units: [UInt32]) -> Bool {
        var closure = NFAClosure(size: nfa.count)
        var pending: [Int32] = [nfa.start]
        var consuming: [Int32] = []
        var context = AssertionContext(atStart: true, atEnd: false, previousIsWord: false, nextIsWord: false)
        let classCount = alphabet.count
        for unit in units {
            let classIndex = alphabet.classOf(unit)
            let isWord = alphabet.isWord[classIndex]
            context.nextIsWord = isWord
            consuming.removeAll(keepingCapacity: true)
            if closure.compute(nfa, from: pending, context: context, into: &consuming) { return true }
            pending.removeAll(keepingCapacity: true)
            for pc in consuming {
                let setIndex = Int(nfa.arg1[Int(pc)])
                if alphabet.member[setIndex * classCount + classIndex] { pending.append(nfa.arg2[Int(pc)]) }
            }
            if !nfa.anchoredAtStart {
                pending.append(nfa.start)
            } else if pending.isEmpty {
                return false
            }
            context.atStart = false
            context.previousIsWord = isWord
        }
        context.atEnd = true
        context.nextIsWord = false
        return closure.compute(nfa, from: pending, context: context, into: &consuming)
    }
}
