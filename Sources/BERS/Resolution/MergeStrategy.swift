/// How a layer combines an array with the array a lower layer set at the same path.
///
/// Objects always merge key by key and scalars always replace; arrays replace unless `bers.json`
/// names a strategy for their path:
///
/// ```json
/// "merge": {
///   "security.corsOrigins": "unique",
///   "plugins": "merge-by-key:name"
/// }
/// ```
public enum MergeStrategy: Sendable, Hashable {
    /// The later array replaces the earlier one (the default).
    case replace
    /// The later array's elements follow the earlier one's.
    case append
    /// Like `append`, keeping only the first of equal elements.
    case unique
    /// Elements are objects identified by `field`: an element whose `field` equals an earlier
    /// element's merges into it (later wins), others are appended.
    case mergeByKey(String)

    /// Parses `replace`, `append`, `unique` or `merge-by-key:<field>`.
    public init?(text: String) {
        switch text {
        case "replace": self = .replace
        case "append": self = .append
        case "unique": self = .unique
        default:
            let prefix = "merge-by-key:"
            guard text.hasPrefix(prefix), text.count > prefix.count else { return nil }
            self = .mergeByKey(String(text.dropFirst(prefix.count)))
        }
    }

    /// The text form used in `bers.json`.
    public var text: String {
        switch self {
        case .replace: "replace"
        case .append: "append"
        case .unique: "unique"
        case .mergeByKey(let field): "merge-by-key:\(field)"
        }
    }
}
