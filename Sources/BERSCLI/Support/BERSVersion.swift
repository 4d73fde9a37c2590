/// The version of BERS, printed by `bers --version` and written into build artifacts.
public enum BERSVersion {
    /// The current version.
    public static let current = "0.1.0"
}
