import BERSJSON

/// A value a migration step moved without changing it: what was at `from` in the document the
/// step read is at `to` in the one it wrote (an array element that became a dictionary entry).
///
/// The migrator follows the moves to tell a problem the input already had from one the
/// migration introduced when the step moved the value that has it.
struct PointerMove: Sendable, Hashable {
    /// Where the value was.
    let from: JSONPointer
    /// Where it is now.
    let to: JSONPointer

    /// `pointer` after the move: `to` with what follows `from` in `pointer`, or `nil` when
    /// `pointer` is not `from` or inside it.
    func moved(_ pointer: JSONPointer) -> JSONPointer? {
        guard pointer.hasPrefix(from) else { return nil }
        return to.appending(JSONPointer(tokens: Array(pointer.tokens.dropFirst(from.tokens.count))))
    }

    /// Where the value at `pointer` is after `moves`, made in order (the first move of a step
    /// that covers it wins).
    static func follow(_ pointer: JSONPointer, through moves: [[PointerMove]]) -> JSONPointer {
        moves.reduce(pointer) { current, step in step.lazy.compactMap { $0.moved(current) }.first ?? current }
    }
}
