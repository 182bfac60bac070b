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
        // The new file is a draft: reported on alone and said so, but not published in lists or briefs.
        #expect(text.contains("\ndraft: true"))
        #expect(!text.contains("\nreviewed:"))
        #expect(report.stdout.contains("Draft: this file is unfinished"))
        let rank = try CLI.run(["rank", "--data", folder.path, "--format", "csv"] + Self.checklist, in: Fixtures.directory)
        #expect(rank.status == 0 && !rank.stdout.contains("XZ"), "\(rank.stdout)")
        let brief = try CLI.run(["brief", "XZ", "--kind", "upr", "--data", folder.path] + Self.checklist, in: Fixtures.directory)
        #expect(brief.status == 2)
        #expect(brief.stderr.contains("XZ is a draft ('draft: true' in \(folder.path)/XZ.yaml); finish it, or pass --include-drafts"))
        let included = try CLI.run(
            ["rank", "--include-drafts", "--data", folder.path, "--format", "csv"] + Self.checklist, in: Fixtures.directory)
        #expect(included.stdout.contains("XZ"))

        try Data("edited".utf8).write(to: path)
        let again = try CLI.run(arguments, in: Fixtures.directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists; lexgap never overwrites it"))
        #expect(try String(contentsOf: path, encoding: .utf8) == "edited")
    }

    @Test func newRejectsACodeThatIsNotISO() throws {
        let result = try CLI.run(["new", "../XZ", "--name", "X"] + Self.checklist, in: Fixtures.directory)
        #expect(result.status == 2)
        // A lower-case or alpha-3 code gets the code the user meant.
        for (typed, meant) in [("id", "ID"), ("IDN", "ID"), ("phl", "PH")] {
            let suggested = try CLI.run(["new", typed, "--name", "X"] + Self.checklist, in: Fixtures.directory)
            #expect(suggested.status == 2)
            #expect(suggested.stderr.contains("Error: '\(typed)' is not an ISO 3166 code; did you mean \(meant)?"), "\(suggested.stderr)")
        }
    }

    /// Two codings that differ on one criterion of three: agreement 2/3; kappa = (2/3 − 2/9) / (1 − 2/9) = 4/7.
    @Test func agreeGivesPercentAgreementAndKappa() throws {
        let first = try Scratch.folder()
        let second = try Scratch.folder()
        let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("analysis/jurisdictions/XA.yaml"), encoding: .utf8)
        try Data(text.utf8).write(to: first.appendingPathComponent("XA.yaml"))
        let changed = text.replacingOccurrences(
            of: "    status: unclear\n", with: "    status: absent\n    finding: No offence covers it.\n")
        #expect(changed != text)
        try Data(changed.utf8).write(to: second.appendingPathComponent("XA.yaml"))
        let result = try CLI.run(
            ["agree", first.appendingPathComponent("XA.yaml").path, second.appendingPathComponent("XA.yaml").path, "--format", "json"]
                + Self.checklist,
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
        let same = try CLI.run(
            ["agree", first.appendingPathComponent("XA.yaml").path, third.appendingPathComponent("XA.yaml").path] + Self.checklist,
            in: Fixtures.directory)
        #expect(same.stdout.contains("3 of 3 criteria agree (100.0%); Cohen's kappa 1.000"))
        let itself = try CLI.run(
            ["agree", "analysis/jurisdictions/XA.yaml", "analysis/jurisdictions/XA.yaml"] + Self.checklist, in: Fixtures.directory)
        #expect(itself.status == 2)
    }

    @Test(arguments: ["table", "json", "csv"])
    func statsMatchesItsGolden(_ format: String) throws {
        let result = try CLI.run(
            ["stats", "--format", format, "--as-of", "2030-06-01", "--data", "analysis/jurisdictions"] + Self.checklist,
            in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Fixtures.matchesGolden(result.stdout, "analysis/golden/stats.\(format)")
        #expect(result.stdout == golden.expected)
    }
}

/// `lexgap export`: tidy tables with a codebook, as legal datasets are published.
@Suite struct ExportTests {
    static let data = ["--checklist", "analysis/checklist.yaml", "--data", "analysis/jurisdictions", "--as-of", "2026-01-01"]

    @Test func csvExportHasEveryTableAndACodebook() throws {
        let folder = try Scratch.folder().appendingPathComponent("export")
        let result = try CLI.run(["export", "-o", folder.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Scratch.files(in: folder) == [".lexgap-output", "assessments.csv", "codebook.md", "instruments.csv", "treaties.csv"])
        let assessments = try String(contentsOf: folder.appendingPathComponent("assessments.csv"), encoding: .utf8)
        let golden = try Fixtures.matchesGolden(assessments, "analysis/golden/export-assessments.csv")
        #expect(assessments == golden.expected)
        // 3 jurisdictions × 3 criteria, and a header.
        #expect(assessments.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 10)
        let codebook = try String(contentsOf: folder.appendingPathComponent("codebook.md"), encoding: .utf8)
        for column in ["code", "criterion", "status", "since", "provisions", "citation", "in_force", "consent_date"] {
            #expect(codebook.contains("| `\(column)` |"), "the codebook does not describe \(column)")
        }
    }

    @Test func jsonExportHoldsTheSameTables() throws {
        let folder = try Scratch.folder().appendingPathComponent("export")
        let result = try CLI.run(["export", "--format", "json", "-o", folder.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("lexgap.json"))) as? [String: Any])
        let tables = try #require(object["tables"] as? [String: [[String: String]]])
        #expect(tables.keys.sorted() == ["assessments", "instruments", "treaties"])
        #expect(tables["assessments"]?.count == 9)
        #expect(tables["assessments"]?.first?["code"] == "XA")
    }
}

/// `make install` puts lexgap on a PATH with its bundled checklist and templates, and shell completions; the
/// installed binary works from any folder. (The tests install the debug build, so as not to build twice.)
@Suite struct InstallTests {
    @Test func installedBinaryFindsItsBundleAndCompletions() throws {
        let prefix = try Scratch.folder()
        let make = try Tool.run("make", ["-C", Fixtures.repository.path, "install-files", "PREFIX=\(prefix.path)", "CONFIGURATION=debug"])
        #expect(make.contains("generate-completion-script"), "\(make)")
        for path in [
            "bin/lexgap", "lib/lexgap/lexgap_LexgapResources.resources/checklists/cybersex-trafficking.yaml",
            "lib/lexgap/lexgap_LexgapResources.resources/templates/country.html.mustache",
            "share/bash-completion/completions/lexgap", "share/zsh/site-functions/_lexgap", "share/fish/vendor_completions.d/lexgap.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "missing \(path)")
        }
        // Run from an empty folder: the checklist and templates must come from the bundle.
        let elsewhere = try Scratch.folder()
        let process = Process()
        process.executableURL = prefix.appendingPathComponent("bin/lexgap")
        process.arguments = ["checklist", "--format", "json"]
        process.currentDirectoryURL = elsewhere
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains("\"CRIM-LIVESTREAM\""))
    }
}
