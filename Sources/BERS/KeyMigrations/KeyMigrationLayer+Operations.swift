import BERSJSON

/// What a layer needs to know about one operation to apply it.
struct KeyMigrationContext {
    /// The operation.
    let operation: KeyMigrationOperation
    /// Its step.
    let step: KeyMigrationStep
    /// The places the project's schema marks secret.
    let secrets: SecretLocations

    /// Whether a change at these pointers with these values shows a secret.
    func isSecret(_ pointers: [JSONPointer], _ values: [JSONValue]) -> Bool {
        pointers.contains { secrets.contains($0.tokens) }
            || values.contains { !SecretLocations.none.pointers(in: $0).isEmpty }
    }
}

extension KeyMigrationLayer {
    /// Applies the operation to this file.
    ///
    /// A set-default adds its value when the file does not set it (``KeyMigrationWorkspace`` decides which file that is).
    mutating func apply(_ context: KeyMigrationContext) throws(ConfigError) {
        switch context.operation.action {
        case .rename(let path, let key):
            try relocate(path, to: JSONPointer(tokens: path.tokens.dropLast() + [key]), context)
        case .move(let from, let to):
            try relocate(from, to: to, context)
        case .remove(let path):
            try remove(path, context)
        case .changeType(let path, let conversion):
            try convert(path, with: conversion, context)
        case .setDefault(let path, let value):
            if try existing(path, context) == nil { try add(value, at: path, context) }
        }
    }

    /// The value at `pointer`, `nil` when absent.
    ///
    /// - Throws: `migrate.path-conflict` when the path goes through an array.
    func existing(_ pointer: JSONPointer, _ context: KeyMigrationContext) throws(ConfigError) -> JSONValue? {
        switch KeyMigrationTree.lookup(pointer, in: value) {
        case .found(let found): return found
        case .absent: return nil
        case .throughArray(let array):
            throw failure(
                .keyMigrationPathConflict,
                "\(pointer.dottedPath) goes through the array at \(array.dottedPath); migration paths name object members only",
                at: array,
                operation: context.operation,
                step: context.step
            )
        }
    }

    /// Sets `value` at `pointer`, which must be absent, creating the objects on the way.
    private mutating func add(_ added: JSONValue, at pointer: JSONPointer, _ context: KeyMigrationContext)
        throws(ConfigError)
    {
        try insert(added, at: pointer, context)
        changes.append(
            KeyMigrationChange(
                .add(path: pointer, value: added),
                step: context.step.number,
                isSecret: context.isSecret([pointer], [added])
            )
        )
    }

    private mutating func relocate(_ from: JSONPointer, to: JSONPointer, _ context: KeyMigrationContext)
        throws(ConfigError)
    {
        guard let moved = try existing(from, context) else { return }
        if try existing(to, context) != nil {
            throw failure(
                .keyMigrationTargetExists,
                "cannot \(context.operation.name) \(from.dottedPath) to \(to.dottedPath): \(path) already sets \(to.dottedPath); remove one of them first",
                at: to,
                operation: context.operation,
                step: context.step
            )
        }
        if case .rename = context.operation.action, let key = to.lastToken {
            _ = KeyMigrationTree.editParent(of: from, in: &value, create: false) { object, old in
                object = KeyMigrationTree.renaming(old, to: key, in: object)
            }
        } else {
            try insert(moved, at: to, context)
            _ = KeyMigrationTree.editParent(of: from, in: &value, create: false) { object, key in
                object.removeValue(forKey: key)
            }
        }
        recordRelocation(from: from, to: to)
        changes.append(
            KeyMigrationChange(
                .move(from: from, to: to, value: moved),
                step: context.step.number,
                isSecret: context.isSecret([from, to], [moved])
            )
        )
    }

    private mutating func remove(_ pointer: JSONPointer, _ context: KeyMigrationContext) throws(ConfigError) {
        guard let old = try existing(pointer, context) else { return }
        _ = KeyMigrationTree.editParent(of: pointer, in: &value, create: false) { object, key in
            object.removeValue(forKey: key)
        }
        changes.append(
            KeyMigrationChange(
                .remove(path: pointer, old: old),
                step: context.step.number,
                isSecret: context.isSecret([pointer], [old])
            )
        )
    }

    private mutating func convert(
        _ pointer: JSONPointer,
        with conversion: KeyConversion,
        _ context: KeyMigrationContext
    )
        throws(ConfigError)
    {
        guard let old = try existing(pointer, context) else { return }
        switch conversion.convert(old) {
        case .unchanged:
            return
        case .impossible(let reason):
            throw failure(
                .keyMigrationCannotConvert,
                "cannot convert \(pointer.dottedPath) with \(conversion.rawValue): \(reason)",
                at: pointer,
                key: false,
                operation: context.operation,
                step: context.step
            )
        case .converted(let new):
            _ = KeyMigrationTree.editParent(of: pointer, in: &value, create: false) { object, key in
                object[key] = new
            }
            changes.append(
                KeyMigrationChange(
                    .replace(path: pointer, old: old, new: new),
                    step: context.step.number,
                    isSecret: context.isSecret([pointer], [old, new])
                )
            )
        }
    }

    /// Puts `inserted` at `pointer` (absent), creating objects on the way.
    ///
    /// - Throws: `migrate.path-conflict` when a value that is not an object stands on the way.
    private mutating func insert(_ inserted: JSONValue, at pointer: JSONPointer, _ context: KeyMigrationContext)
        throws(ConfigError)
    {
        let edit = KeyMigrationTree.editParent(of: pointer, in: &value, create: true) { object, key in
            object[key] = inserted
        }
        guard case .blocked(let at, let blocker) = edit else { return }
        throw failure(
            .keyMigrationPathConflict,
            "cannot create \(pointer.dottedPath): \(at.isRoot ? "the layer" : at.dottedPath) is \(blocker.typeName), not an object",
            at: at,
            operation: context.operation,
            step: context.step
        )
    }
}
