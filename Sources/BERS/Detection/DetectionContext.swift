/// Everything detection looks at, captured once so that detection is a pure function of it.
///
/// Only the configured detection variables are kept from the process environment, so no other
/// variable's value can leak into a result. Two equal contexts give the same detection, which is
/// what makes memoising them safe.
public struct DetectionContext: Sendable {
    /// `--env` or an API argument.
    public let explicit: String?
    /// The detection variables that are set, in the configured order.
    public let variables: [(name: String, value: String)]
    /// The page or request URL whose query may carry the URL parameter.
    public let url: String?
    /// The hostname to match rules against.
    public let hostname: String?
    /// The environment the running artifact was built for.
    public let buildContext: String?
    /// The hash of all of the above, computed once so that memo lookups hash one integer.
    private let precomputedHash: Int

    /// A context with these inputs.
    ///
    /// `environment` is the full process environment (or any map);
    /// only the variables named in `settings` are kept.
    public init(
        explicit: String? = nil,
        environment: [String: String] = [:],
        settings: DetectionSettings = .default,
        url: String? = nil,
        hostname: String? = nil,
        buildContext: String? = nil
    ) {
        self.explicit = explicit
        self.variables = settings.variables.compactMap { name in environment[name].map { (name, $0) } }
        self.url = url
        self.hostname = hostname
        self.buildContext = buildContext
        var hasher = Hasher()
        hasher.combine(explicit)
        hasher.combine(url)
        hasher.combine(hostname)
        hasher.combine(buildContext)
        for variable in variables {
            hasher.combine(variable.name)
            hasher.combine(variable.value)
        }
        precomputedHash = hasher.finalize()
    }
}

extension DetectionContext: Hashable {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static func == (lhs: DetectionContext, rhs: DetectionContext) -> Bool {
        lhs.precomputedHash == rhs.precomputedHash && lhs.explicit == rhs.explicit && lhs.url == rhs.url
            && lhs.hostname == rhs.hostname
            && lhs.buildContext == rhs.buildContext && lhs.variables.count == rhs.variables.count
            && zip(lhs.variables, rhs.variables).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func hash(into hasher: inout Hasher) {
        hasher.combine(precomputedHash)
    }
}
