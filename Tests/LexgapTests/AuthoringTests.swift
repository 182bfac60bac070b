import Foundation
import LexgapCore
import Testing

/// `new`, `agree` and `stats`, run as processes on the fixture corpus.
@Suite struct AuthoringTests {
    static let checklist = ["--checklist", "analysis/checklist.yaml"]

    @Test func newWritesAFileThatValidatesAndNeverOverwrites() throws {
        let folder = try Scratch.folder()
        let arguments = ["new", "XZ", "--name", "Zedland: \"the\" #1", "--region", "Nowhere", "--data", folder.path] + Self.checklist
        let result = try CLI.run(arguments, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let path = folder.appendingPathComponent("XZ.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        // Each criterion is there, unclear, after its question as a comment.
        #expect(text.contains("  # Is live-streaming abuse an offence?\n"))
        #expect(text.contains("  CRIM-VIEWERS:\n    status: unclear\n"))
        let validate = try CLI.run(["validate", "--strict", "--data", folder.path] + Self.checklist, in: Fixtures.directory)
        #expect(validate.status == 0, "\(validate.stdout)")
        let report = try CLI.run(["report", "XZ", "--data", folder.path, "--as-of", "2026-01-01"] + Self.checklist, in: Fixtures.directory)
        #expect(report.stdout.hasPrefix("# Zedland: \"the\" \\#1: country report"))

        try Data("edited".utf8).write(to: path)
        let again = try CLI.run(arguments, in: Fixtures.directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists; lexgap new never overwrites a file"))
        #expect(try String(contentsOf: path, encoding: .utf8) == "edited")
    }

    @Test func newRejectsACodeThatIsNotISO() throws {
        let result = try CLI.run(["new", "../XZ", "--name", "X"] + Self.checklist, in: Fixtures.directory)
        #expect(result.status == 2)
    }

    /// Two codings that differ on one criterion of three: agreement 2/3; kappa = (2/3 − 2/9) / (1 − 2/9) = 4/7.
    @Test func agreeGivesPercentAgreementAndKappa() throws {
        let first = try Scratch.folder(), second = try Scratch.folder()
        let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("analysis/jurisdictions/XA.yaml"), encoding: .utf8)
        try Data(text.utf8).write(to: first.appendingPathComponent("XA.yaml"))
        let changed = text.replacingOccurrences(of: "    status: unclear", with: "    status: absent")
        #expect(changed != text)
        try Data(changed.utf8).write(to: second.appendingPathComponent("XA.yaml"))
        let result = try CLI.run(
            ["agree", first.appendingPathComponent("XA.yaml").path, second.appendingPathComponent("XA.yaml").path, "--format", "json"] + Self.checklist,
            in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["agreed"] as? Int == 2)
        #expect(object["compared"] as? Int == 3)
        #expect((object["percent"] as? Double) == 66.7)
        #expect((object["kappa"] as? Double) == 0.571)
        let divergences = try #require(object["divergences"] as? [[String: Any]])
        #expect(divergences.map { $0["id"] as? String } == ["CRIM-VIEWERS"])

        let third = try Scratch.folder()
        try Data(text.utf8).write(to: third.appendingPathComponent("XA.yaml"))
        let same = try CLI.run(["agree", first.appendingPathComponent("XA.yaml").path, third.appendingPathComponent("XA.yaml").path] + Self.checklist, in: Fixtures.directory)
        #expect(same.stdout.contains("3 of 3 criteria agree (100.0%); Cohen's kappa 1.000"))
        let itself = try CLI.run(["agree", "analysis/jurisdictions/XA.yaml", "analysis/jurisdictions/XA.yaml"] + Self.checklist, in: Fixtures.directory)
        #expect(itself.status == 2)
    }

    @Test(arguments: ["table", "json", "csv"])
    func statsMatchesItsGolden(_ format: String) throws {
        let result = try CLI.run(
            ["stats", "--format", format, "--as-of", "2030-06-01", "--data", "analysis/jurisdictions"] + Self.checklist, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Fixtures.matchesGolden(result.stdout, "analysis/golden/stats.\(format)")
        #expect(result.stdout == golden.expected)
    }
}
