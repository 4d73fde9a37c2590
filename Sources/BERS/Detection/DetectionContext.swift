/// Everything detection looks at, captured once so that detection is a pure function of it.
///
/// Only the configured detection variables are kept from the process environment, so no other
/// variable's value can leak into a result. Two equal contexts give the same detection, which is
/// what makes memoising them safe.
public struct DetectionContext: Sendable {
    /// The inputs, in one immutable object: copying a context into or out of the memo costs one
    /// reference count, and a context compares equal to its copies without reading a string.
    private final class Inputs: Sendable {
        let explicit: String?
        let variables: [(name: String, value: String)]
        let url: String?
        let hostname: String?
        let buildContext: String?
        /// The hash of all of the above, computed once so that memo lookups hash one integer.
        let hash: Int

        init(
            explicit: String?,
            variables: [(name: String, value: String)],
            url: String?,
            hostname: String?,
            buildContext: String?
        ) {
            self.explicit = explicit
            self.variables = variables
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
            hash = hasher.finalize()
        }

        func hasSameValues(as other: Inputs) -> Bool {
            hash == other.hash && explicit == other.explicit && url == other.url && hostname == other.hostname
                && buildContext == other.buildContext && variables.count == other.variables.count
                && zip(variables, other.variables).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        }
    }

    private let inputs: Inputs

    /// `--env` or an API argument.
    public var explicit: String? { inputs.explicit }
    /// The detection variables that are set, in the configured order.
    public var variables: [(name: String, value: String)] { inputs.variables }
    /// The page or request URL whose query may carry the URL parameter.
    public var url: String? { inputs.url }
    /// The hostname to match rules against.
    public var hostname: String? { inputs.hostname }
    /// The environment the running artifact was built for.
    public var buildContext: String? { inputs.buildContext }
    /// The hash of every input, computed once: where the memo files this context.
    var memoKey: Int { inputs.hash }

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
        inputs = Inputs(
            explicit: explicit,
            variables: settings.variables.compactMap { name in environment[name].map { (name, $0) } },
            url: url,
            hostname: hostname,
            buildContext: buildContext
        )
    }
}

extension DetectionContext: Hashable {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static func == (lhs: DetectionContext, rhs: DetectionContext) -> Bool {
        lhs.inputs === rhs.inputs || lhs.inputs.hasSameValues(as: rhs.inputs)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func hash(into hasher: inout Hasher) {
        hasher.combine(inputs.hash)
    }
}
