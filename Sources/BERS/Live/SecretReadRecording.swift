/// A file system that records what it reads (a live configuration's inputs) and can be told that
/// a file it read holds a secret, so that the file's digest is never shown.
protocol SecretReadRecording: FileSystem {
    /// Notes that the file at `path`, already read, is the value of a `$secret` reference.
    func markSecret(_ path: String)
}
