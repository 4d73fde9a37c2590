import BERS
import Foundation

extension FileHandle {
    /// Writes each warning on its own line (`warning: …`, as `bers resolve` prints it): what
    /// detection and resolution ignored, such as `BERS_ENV=developmnt` or a misspelled `BERS__…`
    /// variable, so a mistake is never silent.
    func writeWarnings(_ warnings: [ConfigDiagnostic]) {
        for warning in warnings { write(Data("\(warning)\n".utf8)) }
    }
}
