/// A growable stack in manually managed memory whose top elements can be moved out into an
/// `Array` in one step, without the retain/release pair per element that copying out of an
/// `Array` and then truncating it costs.
///
/// The parser keeps the values of the open arrays and the members of the open objects here.
/// Being non-copyable, it frees whatever it still holds when it goes out of scope, so a parse
/// that throws half way leaks nothing.
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

    /// Replaces the element at `offset` (which must be below ``count``).
    @inline(__always)
    mutating func set(_ element: consuming Element, at offset: Int) {
        base[offset] = element
    }

    /// Calls `body` with the element at `offset`, read in place.
    @inline(__always)
    func withElement<Result>(at offset: Int, _ body: (borrowing Element) -> Result) -> Result {
        body(base[offset])
    }

    /// Removes the elements from `start` to the top and returns them, bottom first.
    @inline(__always)
    mutating func popArray(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = base + start
        let result = [Element](unsafeUninitializedCapacity: moved) { buffer, initialized in
            guard let destination = buffer.baseAddress else { return }
            destination.moveInitialize(from: source, count: moved)
            initialized = moved
        }
        count = start
        return result
    }

    /// Removes the elements from `start` to the top.
    @inline(__always)
    mutating func truncate(to start: Int) {
        guard start < count else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }
}

extension ScanStack where Element == JSONObject.Member {
    /// Whether the member at `offset` has the key `key`, read in place (without copying the
    /// member out).
    @inline(__always)
    func hasKey(_ key: String, at offset: Int) -> Bool {
        withElement(at: offset) { $0.key == key }
    }
}
