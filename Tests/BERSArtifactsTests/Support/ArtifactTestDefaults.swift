import BERSTestSupport
import Testing

/// The Picasso example's config directory.
let picassoDirectory = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path

let nodeMissing: Comment = "node not found on PATH: JavaScript tests skipped"
let swiftcMissing: Comment = "swiftc not found on PATH: Swift compilation tests skipped"
let bersMissing: Comment = "the bers executable was not built: CLI tests skipped"
