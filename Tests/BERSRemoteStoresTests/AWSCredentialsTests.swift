import BERSRemoteStores
import Testing

struct AWSCredentialsTests {
    @Test func readsTheStandardVariables() {
        let credentials = AWSCredentials(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
        ])
        #expect(
            credentials == AWSCredentials(accessKeyID: "AKIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token")
        )
    }

    @Test func emptySessionTokenCountsAsNone() {
        let credentials = AWSCredentials(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "",
        ])
        #expect(credentials?.sessionToken == nil)
    }

    @Test(arguments: [
        [:], ["AWS_ACCESS_KEY_ID": "AKIAEXAMPLE"], ["AWS_SECRET_ACCESS_KEY": "secret"],
        ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "secret"],
    ])
    func missingKeyOrSecretGivesNoCredentials(environment: [String: String]) {
        #expect(AWSCredentials(environment: environment) == nil)
    }

    @Test func descriptionRedactsTheSecretAndToken() {
        let text = AWSCredentials(accessKeyID: "AKIAEXAMPLE", secretAccessKey: "s3cr3t", sessionToken: "t0k3n")
            .description
        #expect(text.contains("AKIAEXAMPLE"))
        #expect(!text.contains("s3cr3t"))
        #expect(!text.contains("t0k3n"))
    }
}
