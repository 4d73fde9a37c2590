import BERSJSON

/// Parses a JSON literal written in a test; a malformed literal is a bug in the test, reported
/// as a thrown error by the test that uses it.
func json(_ text: String) throws -> JSONValue {
    try JSONValue(parsing: text)
}
