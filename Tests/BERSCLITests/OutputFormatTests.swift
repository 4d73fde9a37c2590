import BERSJSON
import BERSTestSupport
import BERSYAML
import Foundation
import Testing

/// `--json` on every command that prints data, and YAML that reads back as the same document.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct OutputFormatTests {
    @Test(arguments: [
        ["resolve", "--env", "staging"], ["detect", "--hostname", "localhost"],
        ["explain", "api.timeout", "--env", "staging"], ["diff", "staging", "production"],
        ["url", "--list", "--env", "staging"], ["url", "configUrl", "--param", "tenant=x1", "--env", "staging"],
        ["tenant", "list"], ["tenant", "hash", "MYR384719"], ["tenant", "get", "de113d6b3e07e5", "--env", "staging"],
        ["tenant", "validate", "Examples/picasso/tenants/tenants/DEMO100001/DEMO100001-config.json"],
    ])
    func yamlReadsBackAsTheJSONDocument(_ command: [String]) throws {
        let json = try CLIRunner.run(command + ["--config-dir", picasso, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let yaml = try CLIRunner.run(command + ["--config-dir", picasso, "--format", "yaml"])
        #expect(yaml.status == 0, "\(yaml.stderr)")
        let fromYAML = try YAMLReader().parse(Array(yaml.stdout.utf8), file: "stdout").value
        #expect(fromYAML == (try JSONValue(parsing: json.stdout)))
    }

    @Test func aSingleURLAsJSON() throws {
        let result = try CLIRunner.run([
            "url", "configUrl", "--param", "tenant=my87674d777bf9", "--env", "production", "--config-dir", picasso,
            "--json",
        ])
        #expect(
            try JSONValue(parsing: result.stdout) == [
                "name": "configUrl", "environment": "production",
                "url": "https://chat.myrecruiter.ai/Master_Function?action=get_config&t=my87674d777bf9",
            ]
        )
    }

    @Test func fmtJSONListsEveryFileWithItsStatus() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tidy = try directory.write("tidy.json", "{\n  \"a\": 1\n}\n")
        let messy = try directory.write("messy.json", #"{"a":1}"#)
        let check = try CLIRunner.run(["fmt", "--check", "--json", tidy.path, messy.path])
        #expect(check.status == 1)
        #expect(check.stderr.isEmpty)
        #expect(
            try JSONValue(parsing: check.stdout) == [
                "files": [
                    ["path": .string(tidy.path), "status": "unchanged"],
                    ["path": .string(messy.path), "status": "not-formatted"],
                ]
            ]
        )
        let write = try CLIRunner.run(["fmt", "--json", messy.path])
        #expect(try JSONValue(parsing: write.stdout)["files"]?[0]?["status"] == "formatted")
    }

    @Test func validateJSONIsTheBasicOutputFormat() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let schema = try directory.write("s.json", #"{"type": "object", "required": ["a"]}"#)
        let document = try directory.write("d.json", "{}")
        let json = try CLIRunner.run(["validate", "--schema", schema.path, document.path, "--json"])
        let basic = try CLIRunner.run(["validate", "--schema", schema.path, document.path, "--output", "basic"])
        #expect(json.status == 1)
        #expect(json.stdout == basic.stdout)
        #expect(try JSONValue(parsing: json.stdout)["valid"] == false)
    }

    @Test func tenantPutJSONSaysWhatWasWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let document = try directory.write(
            "t.json",
            #"{"tenant_id": "DEMO200002", "tenant_hash": "deace9779fcea6", "subscription_tier": "Free", "chat_title": "One", "tone_prompt": "x", "welcome_message": "Hi", "version": "1.0", "generated_at": 1}"#
        )
        let result = try CLIRunner.run([
            "tenant", "put", document.path, "--store", "file://" + directory.path, "--config-dir", picasso, "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONValue(parsing: result.stdout)
        #expect(value["key"] == "tenants/DEMO200002/DEMO200002-config.json")
        #expect(value["tenant_hash"] == "deace9779fcea6")
        #expect(value["backup"] == .null)
        #expect(value["wroteMapping"] == true)
    }
}
