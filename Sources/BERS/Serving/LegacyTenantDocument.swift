import BERSJSON

/// The tenant document as the original `Master_Function` `get_config` route returned it: the
/// stored document, the members of the defaults document it lacks, and the decoration blocks
/// computed from the environment's endpoint templates.
public enum LegacyTenantDocument {
    /// The document served for `hash`.
    ///
    /// - Parameters:
    ///   - tenant: The stored tenant document.
    ///   - defaults: Top-level members added when the document lacks them (`branding`,
    ///     `features`, `quick_help`…).
    ///   - decorations: The blocks to compute (`_cloudfront.urls.avatar` from `tenantAssetUrl`);
    ///     a URL whose template names a secret value is `<redacted>`, the route being anonymous.
    ///   - hash: The tenant hash, given to every template that takes `{tenant}`.
    ///   - endpoints: The endpoint table of the environment served.
    /// - Throws: ``ConfigError`` when a decoration names an unknown endpoint or its template
    ///   cannot be expanded.
    public static func render(
        _ tenant: JSONValue,
        defaults: JSONObject?,
        decorations: [LegacyRouteSettings.Decoration],
        hash: TenantHash,
        endpoints: EndpointTable
    ) throws(ConfigError) -> JSONValue {
        var document = tenant.objectValue ?? [:]
        for (key, value) in defaults ?? [:] where document[key] == nil {
            document[key] = value
        }
        for decoration in decorations {
            var parameters = decoration.parameters
            if parameters["tenant"] == nil,
                endpoints.endpoint(decoration.endpoint)?.parameters.contains("tenant") == true
            {
                parameters["tenant"] = hash.value
            }
            // The route is anonymous: a URL that carries a secret value is `<redacted>`.
            let url = try endpoints.renderedURL(decoration.endpoint, parameters)
            let keys = decoration.path.split(separator: ".").map(String.init)
            document = setting(.string(url.redacted), at: keys[...], in: document)
        }
        return .object(document)
    }

    /// `object` with `value` at the dotted `keys`, creating (or replacing non-object) members on
    /// the way.
    private static func setting(_ value: JSONValue, at keys: ArraySlice<String>, in object: JSONObject) -> JSONObject {
        guard let key = keys.first else { return object }
        var object = object
        if keys.count == 1 {
            object[key] = value
        } else {
            let inner = object[key]?.objectValue ?? [:]
            object[key] = .object(setting(value, at: keys.dropFirst(), in: inner))
        }
        return object
    }
}
