/// The version of BERS: the one place it is written.
///
/// `bers --version` prints it, the suite protocol reports it, and every build artifact and
/// manifest records it (`bers build` and the SwiftPM plugin's tool alike).
///
/// ```swift
/// BuildOptions(bersVersion: BERSVersion.current)
/// ```
public enum BERSVersion {
    /// The current version.
    public static let current = "0.1.0"
}
