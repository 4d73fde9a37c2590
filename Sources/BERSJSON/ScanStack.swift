/// A growable buffer in manually managed memory whose memory can be handed over whole.
///
/// The parser builds a tape's nodes and string arena here and gives the memory to the tape when
/// it succeeds. Being non-copyable, it frees whatever it still holds when it goes out of scope,
/// so a parse that throws half way leaks nothing.
struct ScanStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    /// An empty stack with room for `capacity` elements before it grows.
    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes `element`.
    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// The element at `offset` from the bottom (which must be below ``count``).
    @inline(__always)
    subscript(offset: Int) -> Element {
        get { base[offset] }
        _modify { yield &base[offset] }
    }

    /// Appends `count` elements from `source`.
    @inline(__always)
    mutating func push(contentsOf source: UnsafeBufferPointer<Element>) where Element: BitwiseCopyable {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        while count + source.count > capacity { grow() }
        (base + count).initialize(from: start, count: source.count)
        count += source.count
    }

    /// The elements' memory, read in place (valid until the next push).
    @inline(__always)
    var elements: UnsafePointer<Element> { UnsafePointer(base) }

    /// Hands the elements' memory over to the caller, who must deallocate it.
    consuming func take() -> (elements: UnsafeMutablePointer<Element>, count: Int) {
        let taken = (base, count)
        discard self
        return taken
    }
}
