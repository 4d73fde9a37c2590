import BERS
import Foundation

extension S3Configuration {
    /// A configuration for a bucket, with region, endpoint and credentials from the standard AWS variables.
    ///
    /// | variable | use | default |
    /// |---|---|---|
    /// | `AWS_REGION`, then `AWS_DEFAULT_REGION` | signing region | `us-east-1` |
    /// | `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL` | endpoint override (path-style then) | AWS |
    /// | `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` | credentials | unsigned requests |
    ///
    /// ```swift
    /// let configuration = try S3Configuration(bucket: "myrecruiter-picasso", keyPrefix: "", environment: ["AWS_REGION": "us-west-2"])
    /// ```
    ///
    /// - Parameters:
    ///   - bucket: The bucket name.
    ///   - keyPrefix: A prefix put before every key.
    ///   - endpoint: An explicit endpoint override (a `--s3-endpoint` option); wins over the variables.
    ///   - environment: The process environment, or any map of variables.
    ///   - limits: Timeout and size limit.
    /// - Throws: ``TenantError`` `tenant.invalid-store` for a bad bucket, region or endpoint URL.
    public init(
        bucket: String,
        keyPrefix: String = "",
        endpoint: String? = nil,
        environment: [String: String],
        limits: RemoteStoreLimits = .default
    ) throws(TenantError) {
        func nonEmpty(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let region = nonEmpty("AWS_REGION") ?? nonEmpty("AWS_DEFAULT_REGION") ?? "us-east-1"
        let endpointText =
            endpoint.flatMap { $0.isEmpty ? nil : $0 } ?? nonEmpty("AWS_ENDPOINT_URL_S3")
            ?? nonEmpty("AWS_ENDPOINT_URL")
        let parsedEndpoint: HTTPEndpoint?
        if let endpointText {
            parsedEndpoint = try HTTPEndpoint(parsing: endpointText, allowsInsecureRemoteHosts: true)
        } else {
            parsedEndpoint = nil
        }
        self.init(
            bucket: bucket,
            keyPrefix: keyPrefix,
            region: region,
            endpoint: parsedEndpoint,
            credentials: AWSCredentials(environment: environment),
            limits: limits
        )
        try validate()
    }

    /// The same, reading the variables of this process.
    ///
    /// - Parameters:
    ///   - bucket: The bucket name.
    ///   - keyPrefix: A prefix put before every key.
    ///   - endpoint: An explicit endpoint override.
    /// - Returns: The configuration, validated.
    /// - Throws: ``TenantError`` `tenant.invalid-store` for a bad bucket, region or endpoint URL.
    public static func fromProcessEnvironment(
        bucket: String,
        keyPrefix: String = "",
        endpoint: String? = nil
    ) throws(TenantError) -> S3Configuration {
        try S3Configuration(
            bucket: bucket,
            keyPrefix: keyPrefix,
            endpoint: endpoint,
            environment: ProcessInfo.processInfo.environment
        )
    }
}
