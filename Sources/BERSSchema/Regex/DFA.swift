/// A deterministic automaton built eagerly (subset construction) from an ``NFAProgram``.
///
/// It answers "does the pattern match anywhere": every state includes the NFA start again (an
/// implicit `[^]*?` prefix) unless the pattern is anchored with `^`, a transition into a state
/// that contains a match goes to ``matchTarget`` (the search stops at once), and an anchored
/// pattern that can no longer match reaches the dead state (the search stops with `false`).
/// States remember whether the previous character was a word character, and assertions are
/// decided when the next character is known, so `\b` and `\B` are supported too.
///
/// Building is bounded (states, table cells, work); when a pattern would exceed the bounds the
/// DFA is not built and the ``PikeVM`` runs instead. Work counts every NFA instruction a closure
/// visits and every thread a transition carries, so a pattern whose states hold thousands of
/// threads (`a{4000}` searched unanchored) gives up early instead of spending seconds.
///
/// The result is immutable, so one DFA is shared freely between threads. It is a final class so
/// that the matching hot path borrows one reference instead of copying (and reference counting)
/// each of its tables.
final class DFA: Sendable {
    /// The 128 ASCII classes, then the transitions: `cells[stateOffset + class]` is the next
    /// state's offset, ``matchTarget`` or ``deadTarget``.
    ///
    /// State offsets start at 128.
    let cells: [Int32]
    /// Whether each state (by index, (offset - 128) / classCount) accepts at the end of the input.
    let acceptsAtEnd: [Bool]
    let classCount: Int
    let alphabet: Alphabet

    /// A transition into a state containing a match: the search succeeds.
    static let matchTarget: Int32 = -1
    /// A transition into the dead state (anchored pattern, no thread left): the search fails.
    static let deadTarget: Int32 = -2

    /// Builds the DFA, or returns `nil` when it would exceed the bounds.
    init?(
        nfa: NFAProgram,
        alphabet: Alphabet,
        maxStates: Int = 4096,
        maxCells: Int = 1 << 18,
        maxWork: Int = 4_000_000
    ) {
        let classCount = alphabet.count
        let wordAware = nfa.usesWordBoundary
        var closure = NFAClosure(size: nfa.count)
        var statePCs: [[Int32]] = []
        var stateFlags: [UInt8] = []
        var index: [[Int32]: Int32] = [:]
        var table: [Int32] = []
        var acceptsAtEnd: [Bool] = []
        var deadOffset: Int32 = -2

        func intern(_ pcs: [Int32], _ requestedFlags: UInt8) -> Int32? {
            let flags = pcs.isEmpty ? 0 : requestedFlags
            var key = pcs
            key.append(Int32(flags))
            if let known = index[key] { return known }
            if statePCs.count >= maxStates || (statePCs.count + 1) * classCount > maxCells { return nil }
            let id = Int32(statePCs.count)
            index[key] = id
            statePCs.append(pcs)
            stateFlags.append(flags)
            return id
        }

        guard intern([nfa.start], 1) != nil else { return nil }
        var consuming: [[Int32]] = [[], []]
        var matched = [false, false]
        var next: [Int32] = []
        var transitionWork = 0
        var current = 0
        while current < statePCs.count {
            let pcs = statePCs[current]
            let flags = stateFlags[current]
            if pcs.isEmpty { deadOffset = Int32(current * classCount) }
            var context = AssertionContext(
                atStart: flags & 1 != 0,
                atEnd: false,
                previousIsWord: flags & 2 != 0,
                nextIsWord: false
            )
            for variant in 0..<(wordAware ? 2 : 1) {
                context.nextIsWord = variant == 1
                consuming[variant].removeAll(keepingCapacity: true)
                matched[variant] = closure.compute(nfa, from: pcs, context: context, into: &consuming[variant])
            }
            context.atEnd = true
            context.nextIsWord = false
            var ignored: [Int32] = []
            acceptsAtEnd.append(closure.compute(nfa, from: pcs, context: context, into: &ignored))
            if closure.work > maxWork { return nil }
            for classIndex in 0..<classCount {
                let variant = wordAware && alphabet.isWord[classIndex] ? 1 : 0
                if matched[variant] {
                    table.append(DFA.matchTarget)
                    continue
                }
                transitionWork += consuming[variant].count + 1
                if closure.work + transitionWork > maxWork { return nil }
                next.removeAll(keepingCapacity: true)
                for pc in consuming[variant] {
                    let setIndex = Int(nfa.arg1[Int(pc)])
                    if alphabet.member[setIndex * classCount + classIndex] { next.append(nfa.arg2[Int(pc)]) }
                }
                if !nfa.anchoredAtStart { next.append(nfa.start) }
                next.sort()
                var unique: [Int32] = []
                unique.reserveCapacity(next.count)
                for pc in next where unique.last != pc { unique.append(pc) }
                let nextFlags: UInt8 = wordAware && alphabet.isWord[classIndex] ? 2 : 0
                guard let target = intern(unique, nextFlags) else { return nil }
                table.append(target * Int32(classCount))
            }
            current += 1
        }
        var cells = alphabet.ascii.map { Int32($0) }
        cells.reserveCapacity(128 + table.count)
        for target in table {
            if target < 0 {
                cells.append(target)
            } else if target == deadOffset {
                cells.append(DFA.deadTarget)
            } else {
                cells.append(target + 128)
            }
        }
        self.cells = cells
        self.acceptsAtEnd = acceptsAtEnd
        self.classCount = classCount
        self.alphabet = alphabet
    }

    /// Whether the pattern matches anywhere in `string`.
    ///
    /// - Parameter unicode: step on code points (`true`) or UTF-16 code units.
    func matches(_ string: String, unicode: Bool) -> Bool {
        if let result = string.utf8.withContiguousStorageIfAvailable({ run($0, unicode: unicode) }) {
            return result
        }
        var copy = string
        return copy.withUTF8 { run($0, unicode: unicode) }
    }

    private func run(_ bytes: UnsafeBufferPointer<UInt8>, unicode: Bool) -> Bool {
        cells.withUnsafeBufferPointer { cells in
            var state = 128
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                let classIndex: Int
                if byte < 0x80 {
                    classIndex = Int(cells[Int(byte)])
                    index += 1
                } else {
                    let (scalar, length) = DFA.decode(bytes, at: index)
                    index += length
                    if !unicode, scalar > 0xFFFF {
                        let high = 0xD800 + ((scalar - 0x10000) >> 10)
                        let target = cells[state + alphabet.classOf(high)]
                        if target < 0 { return target == DFA.matchTarget }
                        state = Int(target)
                        classIndex = alphabet.classOf(0xDC00 + (scalar & 0x3FF))
                    } else {
                        classIndex = alphabet.classOfNonASCII(scalar)
                    }
                }
                let target = cells[state + classIndex]
                if target < 0 { return target == DFA.matchTarget }
                state = Int(target)
            }
            return acceptsAtEnd[(state - 128) / classCount]
        }
    }

    /// Decodes the multi-byte UTF-8 sequence at `index` (the string is valid UTF-8).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < count ? UInt32(bytes[index + offset]) & 0x3F : 0
        }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }
}
