import Foundation
import LexgapCore
import Testing

/// The CLI run as a process, as a user runs it: exit codes 0 / 1 / 2 and the exact diagnostic lines.
@Suite struct CLITests {
    static let fixtures = Fixtures.directory.path

    @Test func validateExitsZeroOnTheShippedData() throws {
        let result = try CLI.run(["validate"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "")
        let count = ShippedDataTests.shippedJurisdictions.count
        #expect(result.stderr.contains("\(count) jurisdiction files checked: 0 errors, 0 warnings"))
    }

    @Test func validateExitsOneWithTheExactDiagnostic() throws {
        let result = try CLI.run(["validate", "--checklist", "checklist.yaml", "broken/unknown-status/XA.yaml"], in: Fixtures.directory)
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "broken/unknown-status/XA.yaml:52:13: error: unknown status 'mett' (expected one of: met, partial, absent, unclear, not_applicable) [unknown-status]\n"
        )
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let arguments = ["validate", "--checklist", "checklist.yaml", "broken/unassessed/XA.yaml"]
        let lenient = try CLI.run(arguments, in: Fixtures.directory)
        #expect(lenient.status == 0)
        #expect(lenient.stdout == "broken/unassessed/XA.yaml:35:3: warning: criterion CRIM-VIEWERS is not assessed [unassessed]\n")
        let strict = try CLI.run(arguments + ["--strict"], in: Fixtures.directory)
        #expect(strict.status == 1)
    }

    @Test func validateFormatsDiagnosticsAsJSON() throws {
        let result = try CLI.run(
            ["validate", "--format", "json", "--checklist", "checklist.yaml", "broken/duplicate-key/XA.yaml"], in: Fixtures.directory)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "duplicate-key")
        #expect(diagnostics.first?["line"] as? Int == 50)
        #expect(diagnostics.first?["column"] as? Int == 5)
        #expect(object?["errors"] as? Int == 1)
    }

    @Test func validateAcceptsAFolder() throws {
        let result = try CLI.run(["validate", "--checklist", "checklist.yaml", "valid"], in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("1 jurisdiction file checked: 0 errors, 0 warnings"))
    }

    @Test(arguments: [
        ["validate", "--no-such-flag"],
        ["validate", "no/such/file.yaml"],
        ["validate", "--data", "no/such/folder"],
        ["validate", "--checklist", "no/such/checklist.yaml"],
        ["validate", "--format", "xml"],
        ["no-such-command"],
    ])
    func usageAndIOErrorsExitTwo(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func validateOutsideARepositoryNeedsData() throws {
        let result = try CLI.run(["validate"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--data"))
    }

    @Test func checklistListsTheCriteriaAsJSON() throws {
        let result = try CLI.run(["checklist", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let criteria = try #require(object?["criteria"] as? [[String: Any]])
        #expect(criteria.count >= 25)
        #expect(Set(criteria[0].keys) == ["id", "category", "title", "question", "weight", "why", "standards", "recommendation"])
        #expect(object?["id"] as? String == "cybersex-trafficking")
        #expect((object?["categories"] as? [[String: Any]])?.first.map { Set($0.keys) } == ["id", "title", "weight"])
    }

    /// An installed binary finds its bundled checklist outside the repository.
    @Test func checklistWorksOutsideTheRepository() throws {
        let result = try CLI.run(["checklist"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ID "))
        #expect(result.stdout.contains("CRIM-VIEWERS"))
    }

    @Test func outputIsDeterministic() throws {
        let first = try CLI.run(["checklist", "--format", "json"])
        let second = try CLI.run(["checklist", "--format", "json"])
        #expect(first.stdout == second.stdout)
    }

    @Test func versionAndHelp() throws {
        #expect(try CLI.run(["--version"]).stdout == "lexgap \(Release.version)\n")
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
    }
}
