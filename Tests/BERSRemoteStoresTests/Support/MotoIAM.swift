import AsyncHTTPClient
import BERS
import Foundation
import NIOCore

@testable import BERSRemoteStores

/// IAM and STS calls to a moto server, signed with ``SigV4Signer``, to set up users, keys,
/// policies and roles for the signature tests.
struct MotoIAM {
    var endpoint: String
    var client: HTTPClient
    /// The key that signs (any key while moto does not check; a real one afterwards).
    var credentials = AWSCredentials(accessKeyID: "AKIDBOOTSTRAP", secretAccessKey: "bootstrap")

    /// Makes the next `count` actions unauthenticated and every later one checked.
    func enableAuthentication(afterActions count: Int) async throws {
        var request = HTTPClientRequest(url: endpoint + "/moto-api/reset-auth")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: String(count)))
        let response = try await client.execute(request, timeout: .seconds(10))
        guard response.status.code == 200 else {
            throw S3TestError.unexpected("reset-auth answered \(response.status)")
        }
    }

    /// Calls a query-protocol action (`CreateUser`, `AssumeRole`…) and returns the XML answer.
    func call(
        service: String,
        version: String,
        _ action: String,
        _ parameters: [(String, String)] = []
    ) async throws -> [UInt8] {
        let form = ([("Action", action), ("Version", version)] + parameters)
            .map { AWSURIEncoding.encodeQueryComponent($0.0) + "=" + AWSURIEncoding.encodeQueryComponent($0.1) }
            .joined(separator: "&")
        let body = Array(form.utf8)
        let host = String(endpoint.dropFirst("http://".count))
        let signable = SigV4Request(
            method: "POST",
            encodedPath: "/",
            headers: [("host", host), ("content-type", "application/x-www-form-urlencoded")],
            payloadSHA256: SigV4Signer.sha256Hex(body)
        )
        var request = HTTPClientRequest(url: endpoint + "/")
        request.method = .POST
        for (name, value) in SigV4Signer(credentials: credentials, region: "us-east-1", service: service)
            .sign(signable, at: .now())
        {
            request.headers.add(name: name, value: value)
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(10))
        let bytes = Array(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        guard response.status.code == 200 else {
            throw S3TestError.unexpected(
                "\(action) answered \(response.status): \(String(decoding: bytes, as: UTF8.self))"
            )
        }
        return bytes
    }

    func iam(_ action: String, _ parameters: [(String, String)] = []) async throws -> [UInt8] {
        try await call(service: "iam", version: "2010-05-08", action, parameters)
    }

    /// Creates a user and an access key for it; with `allowS3`, a policy allowing `s3:*`.
    func createUser(_ name: String, allowS3: Bool) async throws -> AWSCredentials {
        _ = try await iam("CreateUser", [("UserName", name)])
        let xml = XMLText(try await iam("CreateAccessKey", [("UserName", name)]))
        guard let id = xml.first("AccessKeyId"), let secret = xml.first("SecretAccessKey") else {
            throw S3TestError.unexpected("CreateAccessKey gave no key")
        }
        if allowS3 {
            _ = try await iam(
                "PutUserPolicy",
                [
                    ("UserName", name), ("PolicyName", "s3-and-sts"),
                    ("PolicyDocument", Self.allow(["s3:*", "sts:AssumeRole"])),
                ]
            )
        }
        return AWSCredentials(accessKeyID: id, secretAccessKey: secret)
    }

    /// Creates a role anyone may assume, allowed `s3:*`.
    func createS3Role(_ name: String) async throws -> String {
        let trust =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#
        let xml = XMLText(try await iam("CreateRole", [("RoleName", name), ("AssumeRolePolicyDocument", trust)]))
        guard let arn = xml.first("Arn") else { throw S3TestError.unexpected("CreateRole gave no ARN") }
        _ = try await iam(
            "PutRolePolicy",
            [("RoleName", name), ("PolicyName", "s3"), ("PolicyDocument", Self.allow(["s3:*"]))]
        )
        return arn
    }

    /// Assumes a role (signed with ``credentials``) and returns temporary credentials.
    func assumeRole(_ arn: String) async throws -> AWSCredentials {
        let xml = XMLText(
            try await call(
                service: "sts",
                version: "2011-06-15",
                "AssumeRole",
                [("RoleArn", arn), ("RoleSessionName", "bers-test")]
            )
        )
        guard let id = xml.first("AccessKeyId"), let secret = xml.first("SecretAccessKey"),
            let token = xml.first("SessionToken")
        else { throw S3TestError.unexpected("AssumeRole gave no credentials") }
        return AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: token)
    }

    private static func allow(_ actions: [String]) -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["# + list + #"],"Resource":"*"}]}"#
    }
}
