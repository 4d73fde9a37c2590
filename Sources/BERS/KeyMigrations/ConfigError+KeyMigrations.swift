extension ConfigError.Code {
    /// A file of `migrations/` is not a step: malformed JSON, a missing or mistyped field, an
    /// unknown operation or conversion, a bad path, or a name without a number.
    public static let keyMigrationInvalidStep = ConfigError.Code("migrate.invalid-step")
    /// The step numbers of `migrations/` are not unique and contiguous from 1.
    public static let keyMigrationInvalidSequence = ConfigError.Code("migrate.invalid-sequence")
    /// `bers.json` says more migrations are applied than `migrations/` has steps.
    public static let keyMigrationInvalidState = ConfigError.Code("migrate.invalid-state")
    /// A rename or move would overwrite a value its target file already sets.
    public static let keyMigrationTargetExists = ConfigError.Code("migrate.target-exists")
    /// A `change-type` conversion cannot convert a value a layer file sets.
    public static let keyMigrationCannotConvert = ConfigError.Code("migrate.cannot-convert")
    /// A path goes through an array, or a value would have to be created below a value that is
    /// not an object.
    public static let keyMigrationPathConflict = ConfigError.Code("migrate.path-conflict")
    /// After the pending migrations an environment would not resolve or would not satisfy the
    /// project's schema; nothing was written.
    public static let keyMigrationInvalidResult = ConfigError.Code("migrate.invalid-result")
    /// A file changed between planning the migrations and writing them; nothing more was written.
    public static let keyMigrationStalePlan = ConfigError.Code("migrate.stale-plan")
}
