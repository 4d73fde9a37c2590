/// Runs a ``BacktrackProgram`` with an explicit stack (no recursion except one level per nested
/// lookaround), counting every instruction against a step limit so no pattern can hang.
///
/// Only patterns with backreferences or lookaround use it.
struct Backtracker {
    let program: BacktrackProgram
    let input: [UInt32]
    let stepLimit: Int
    var steps = 0

    private enum Frame {
        case retry(pc: Int32, position: Int)
        case restore(slot: Int32, value: Int)
        case restoreAll([Int])
    }

    /// Whether the program matches anywhere in the input.
    static func matches(_ program: BacktrackProgram, input: [UInt32], stepLimit: Int) throws(RegexError) -> Bool {
        var machine = Backtracker(program: program, input: input, stepLimit: stepLimit)
        var slots = [Int](repeating: -1, count: program.slotCount)
        let lastStart = program.anchoredAtStart ? 0 : input.count
        for start in 0...lastStart {
            for index in slots.indices { slots[index] = -1 }
            if try machine.run(from: program.start, at: start, slots: &slots) != nil { return true }
        }
        return false
    }

    /// Runs from `pc` at `position`; returns the end position of the first success, or `nil`.
    mutating func run(from startPC: Int32, at startPosition: Int, slots: inout [Int]) throws(RegexError) -> Int? {
        var stack: [Frame] = []
        var pc = startPC
        var position = startPosition
        let code = program.code
        while true {
            steps += 1
            if steps > stepLimit {
                throw RegexError(
                    .stepLimitExceeded,
                    "matching needed more than \(stepLimit) backtracking steps"
                )
            }
            let instruction = code[Int(pc)]
            var failed = false
            switch instruction.op {
            case .consume:
                let set = program.sets[Int(instruction.a)]
                if instruction.b == 0 {
                    if position < input.count, set.contains(input[position]) {
                        position += 1
                        pc = instruction.next
                    } else {
                        failed = true
                    }
                } else if position > 0, set.contains(input[position - 1]) {
                    position -= 1
                    pc = instruction.next
                } else {
                    failed = true
                }
            case .split:
                stack.append(.retry(pc: instruction.b, position: position))
                pc = instruction.a
            case .jump:
                pc = instruction.next
            case .save, .loopEnter:
                stack.append(.restore(slot: instruction.a, value: slots[Int(instruction.a)]))
                slots[Int(instruction.a)] = position
                pc = instruction.next
            case .clear:
                for slot in Int(instruction.a)..<Int(instruction.b) where slots[slot] != -1 {
                    stack.append(.restore(slot: Int32(slot), value: slots[slot]))
                    slots[slot] = -1
                }
                pc = instruction.next
            case .loopCheck:
                if slots[Int(instruction.a)] == position { failed = true } else { pc = instruction.next }
            case .assert:
                if assertionHolds(instruction.a, at: position) { pc = instruction.next } else { failed = true }
            case .backreference:
                if let end = backreference(Int(instruction.a), backward: instruction.b == 1, at: position, slots) {
                    position = end
                    pc = instruction.next
                } else {
                    failed = true
                }
            case .look:
                var inner = slots
                let found = try run(from: instruction.a, at: position, slots: &inner) != nil
                let negated = instruction.b & 2 != 0
                if found == negated {
                    failed = true
                } else {
                    if found {
                        stack.append(.restoreAll(slots))
                        slots = inner
                    }
                    pc = instruction.next
                }
            case .match:
                return position
            }
            if !failed { continue }
            var resumed = false
            while let frame = stack.popLast() {
                switch frame {
                case .retry(let retryPC, let retryPosition):
                    pc = retryPC
                    position = retryPosition
                    resumed = true
                case .restore(let slot, let value):
                    slots[Int(slot)] = value
                case .restoreAll(let saved):
                    slots = saved
                }
                if resumed { break }
            }
            if !resumed { return nil }
        }
    }

    private func isWord(_ index: Int) -> Bool {
        index >= 0 && index < input.count && ScalarSet.word.contains(input[index])
    }

    private func assertionHolds(_ kind: Int32, at position: Int) -> Bool {
        switch kind {
        case Int32(RegexAssertion.start.rawValue): return position == 0
        case Int32(RegexAssertion.end.rawValue): return position == input.count
        case Int32(RegexAssertion.wordBoundary.rawValue): return isWord(position - 1) != isWord(position)
        default: return isWord(position - 1) == isWord(position)
        }
    }

    /// Where a backreference to `group` ends (or starts, backwards), or `nil` when it fails.
    ///
    /// An unset group matches the empty string.
    private func backreference(_ group: Int, backward: Bool, at position: Int, _ slots: [Int]) -> Int? {
        let start = slots[2 * group]
        let end = slots[2 * group + 1]
        guard start >= 0, end >= start else { return position }
        let length = end - start
        if backward {
            guard position - length >= 0 else { return nil }
            for offset in 0..<length where input[position - length + offset] != input[start + offset] { return nil }
            return position - length
        }
        guard position + length <= input.count else { return nil }
        for offset in 0..<length where input[position + offset] != input[start + offset] { return nil }
        return position + length
    }
}
