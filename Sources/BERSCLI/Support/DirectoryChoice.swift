/// A config directory and the reason it was read.
struct DirectoryChoice {
    /// Why a directory was read.
    enum Origin {
        case option, variable, conventional, current
        /// Recorded in a file, such as a build manifest.
        case recorded(String)

        var isNamed: Bool {
            switch self {
            case .option, .variable: true
            default: false
            }
        }
    }

    var path: String
    var origin: Origin

    /// How the directory was chosen, and how to choose another.
    var explanation: String {
        let how =
            switch origin {
            case .option: "\(path) was given by --config-dir"
            case .variable: "\(path) comes from $BERS_CONFIG_DIR"
            case .recorded(let file): "\(path) is recorded in \(file)"
            case .conventional:
                "./config is read because it exists and neither --config-dir nor $BERS_CONFIG_DIR is set"
            case .current:
                "the current directory is read because neither --config-dir nor $BERS_CONFIG_DIR is set and ./config does not exist"
            }
        return "\(how); pass --config-dir DIR (or set BERS_CONFIG_DIR) to read another directory"
    }
}
