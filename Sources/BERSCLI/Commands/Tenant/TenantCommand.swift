import ArgumentParser

/// `bers tenant …`: tenant identity, stores and documents.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant",
        abstract: "Read, check, publish, migrate and roll back tenant configurations.",
        discussion: """
            Stores: file://DIR (a directory with the bucket layout), s3://bucket/prefix (AWS_REGION, \
            AWS_ENDPOINT_URL_S3 or --s3-endpoint, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN), \
            https://host/prefix (read-only, through a CDN). Without --store, the tenants.store of bers.json.
            """,
        subcommands: [
            TenantGetCommand.self, TenantListCommand.self, TenantHashCommand.self, TenantValidateCommand.self,
            TenantPutCommand.self, TenantMigrateCommand.self, TenantHistoryCommand.self, TenantRollbackCommand.self,
        ]
    )
}
