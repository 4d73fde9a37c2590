import BERSJSON

/// The document served when a tenant does not exist, clearly marked as a fallback.
enum TenantFallback {
    /// The generic fallback of the live widget: a neutral title and greeting, default branding,
    /// every feature off, and `metadata.source` = `fallback`.
    static func generic(for hash: TenantHash) -> JSONValue {
        [
            "tenant_hash": .string(hash.value),
            "chat_title": "Chat",
            "welcome_message": "Hello! How can I help you today?",
            "branding": ["primary_color": "#3b82f6", "font_family": "Inter, sans-serif", "border_radius": "12px"],
            "features": [
                "uploads": false, "photo_uploads": false, "voice_input": false, "streaming": false,
                "conversational_forms": false, "smart_cards": false,
            ],
            "quick_help": ["enabled": false],
            "action_chips": ["enabled": false],
            "metadata": ["source": "fallback"],
        ]
    }

    /// A configured fallback document with the requested hash and the fallback marker set.
    static func marked(_ document: JSONValue, for hash: TenantHash) -> JSONValue {
        guard case .object(var object) = document else { return generic(for: hash) }
        object["tenant_hash"] = .string(hash.value)
        var metadata = object["metadata"]?.objectValue ?? [:]
        metadata["source"] = "fallback"
        object["metadata"] = .object(metadata)
        return .object(object)
    }
}
