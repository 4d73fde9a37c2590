/// Settings of the widget, read from the constants `BERSPlugin` generates from `config/` at
/// build time (`Config`, in `BERSConfig.swift` of the plugin's work directory).
public enum WidgetSettings {
    /// The request timeout in seconds: a compile-time constant.
    public static var timeoutSeconds: Double { Double(Config.api.timeout) / 1000 }

    /// The features turned on in this build. In a release build the optimiser removes the
    /// experimental branch: `Config.features.experimental` is a constant `false` there.
    public static var enabledFeatures: [String] {
        var features: [String] = []
        if Config.features.streaming { features.append("streaming") }
        if Config.features.experimental { features.append("experimental") }
        return features
    }

    /// The URL the widget fetches its tenant's configuration from.
    public static func configURL(tenant: String) throws(Config.URLError) -> String {
        try Config.endpoints.configUrl(tenant: tenant)
    }
}
