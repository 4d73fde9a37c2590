extension JSONTape {
    /// The JSON pointer of `target` (a preorder node index), found by walking down from the root
    /// over the subtree sizes: `/db/password` for the string node of a password.
    public func pointer(ofNode target: Int) -> JSONPointer {
        var pointer = JSONPointer.root
        var node = 0
        while node < target {
            let entry = self[node]
            var child = node + 1
            for index in 0..<Int(entry.count) {
                let end = child + Int(self[child].size)
                if target < end {
                    pointer = entry.kind == .array ? pointer.appending(index: index) : pointer.appending(key(of: child))
                    break
                }
                child = end
            }
            guard child > node, child <= target else { return pointer }
            node = child
        }
        return pointer
    }
}
