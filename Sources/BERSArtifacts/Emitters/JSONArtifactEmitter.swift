import BERS
import BERSJSON

/// Writes the `json` artifact: exactly the resolved configuration, pretty-printed.
///
/// It satisfies the project's schema like the configuration itself. What it was built from goes
/// to the manifest of `bers build --all`, and to the `metadata` artifact when that is asked for.
struct JSONArtifactEmitter {
    func emit(_ input: BuildInput) -> String {
        JSONSerializer(style: .pretty).string(input.configuration.value)
    }
}
