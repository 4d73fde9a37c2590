extension TenantIssue {
    /// What makes two issues the same problem in two versions of a document: the code and the
    /// pointer (messages and locations may differ).
    private var sameness: String { "\(code.rawValue) \(pointer)" }

    /// `issues` split into those `baseline` (the issues of another version of the document)
    /// already has, and those it does not.
    static func split(_ issues: [TenantIssue], against baseline: [TenantIssue])
        -> (preExisting: [TenantIssue], introduced: [TenantIssue])
    {
        let known = Set(baseline.map(\.sameness))
        return (issues.filter { known.contains($0.sameness) }, issues.filter { !known.contains($0.sameness) })
    }
}
