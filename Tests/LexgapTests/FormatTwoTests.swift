import Foundation
import LexgapCore
import Testing

/// Format 2 as a user meets it, through the CLI on `Fixtures/format2`: XD's history starts with a recodification
/// on 2024-07-01 (`recorded_from`), and every research note in it carries a marker; XE is a draft.
@Suite struct FormatTwoTests {
    static let inputs = ["--checklist", "analysis/checklist.yaml", "--data", "format2"]
    static let marker = "RESEARCH-NOTE-MARKER"

    static func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + inputs, in: Fixtures.directory)
    }

    static func json(_ result: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    @Test func bothFilesValidateStrictly() throws {
        let result = try Self.run(["validate", "--strict"])
        #expect(result.status == 0, "\(result.stdout)")
    }

    /// A diff across the unrecorded period reports no change and no score change, and lists the criteria apart.
    @Test func diffNeverReportsAChangeAcrossTheUnrecordedPeriod() throws {
        let json = try Self.json(try Self.run(["diff", "XD", "--from", "2020-01-01", "--to", "2025-01-01", "--format", "json"]))
        #expect(json["score_delta"] is NSNull)
        #expect(json["score_from"] is NSNull)
        #expect((json["changes"] as? [Any])?.isEmpty == true)
        #expect(json["recorded_from"] as? String == "2024-07-01")
        #expect(
            (json["not_recorded"] as? [[String: Any]])?.map { $0["id"] as? String } == ["CRIM-LIVESTREAM", "CRIM-VIEWERS", "JUR-TREATIES"])
        let table = try Self.run(["diff", "XD", "--from", "2020-01-01", "--to", "2025-01-01"])
        #expect(table.stdout.contains("Not recorded before 2024-07-01: CRIM-LIVESTREAM, CRIM-VIEWERS, JUR-TREATIES."))
        #expect(!table.stdout.contains("unclear"))
        // The start of each criterion's record is not a change of the law.
        let timeline = try Self.json(try Self.run(["timeline", "XD", "--format", "json"]))
        #expect((timeline["changes"] as? [Any])?.isEmpty == true)
    }

    /// Asked for a date before `recorded_from`, rankings leave the jurisdiction out and say so.
    @Test func readingsBeforeRecordedFromLeaveTheJurisdictionOut() throws {
        let rank = try Self.run(["rank", "--as-of", "2020-01-01"])
        #expect(!rank.stdout.contains("1     XD"))
        #expect(rank.stdout.contains("Left out (law not recorded on 2020-01-01): XD (recorded from 2024-07-01)."))
        let score = try Self.json(try Self.run(["score", "--as-of", "2020-01-01", "--format", "json"]))
        #expect((score["jurisdictions"] as? [Any])?.isEmpty == true)
        #expect((score["not_recorded"] as? [[String: Any]])?.first?["recorded_from"] as? String == "2024-07-01")
        let brief = try Self.run(["brief", "XD", "--kind", "upr", "--as-of", "2020-01-01"])
        #expect(brief.status == 2)
        #expect(brief.stderr.contains("XD's file records the law from 2024-07-01 only"))
    }

    /// A draft is out of every list and of briefs unless asked for; its own report says it is a draft.
    @Test func draftsAreNotPublished() throws {
        let rank = try Self.run(["rank", "--format", "csv", "--as-of", "2026-01-01"])
        #expect(rank.stdout.contains("XD") && !rank.stdout.contains("XE"))
        let compare = try Self.run(["compare", "--all", "--format", "csv", "--as-of", "2026-01-01"])
        #expect(compare.stdout.hasPrefix("criterion,category,XD\r\n"))
        let site = try Scratch.folder().appendingPathComponent("site")
        #expect(try Self.run(["site", "-o", site.path, "--as-of", "2026-01-01"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("jurisdictions/XD.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("jurisdictions/XE.html").path))
        #expect(!(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)).contains("Draftland"))

        let brief = try Self.run(["brief", "XE", "--kind", "upr"])
        #expect(brief.status == 2)
        #expect(brief.stderr.contains("XE is a draft ('draft: true' in format2/XE.yaml); finish it, or pass --include-drafts"))
        let compared = try Self.run(["report", "--compare", "XD", "XE"])
        #expect(compared.status == 2)
        let report = try Self.run(["report", "XE", "--as-of", "2026-01-01"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("**Draft: this file is unfinished and is not published in rankings or briefs.**"))
        #expect(try Self.run(["rank", "--include-drafts", "--format", "csv"]).stdout.contains("XE"))
    }

    /// Gaps name the law to change only where the file says which, and use the public finding.
    @Test func gapsUseFindingsAndReformTargets() throws {
        let json = try Self.json(try Self.run(["gaps", "XD", "--as-of", "2026-01-01", "--format", "json"]))
        let gaps = try #require(json["gaps"] as? [[String: Any]])
        let reforms = Dictionary(uniqueKeysWithValues: gaps.map { ($0["id"] as! String, $0["reform"] as! String) })
        // Joining a treaty is asked for as it stands, even where the file names a law to amend.
        #expect(reforms["JUR-TREATIES"] == "Ratify")
        #expect(reforms["CRIM-VIEWERS"] == "Adopt legislation to criminalise viewers")
        #expect(reforms["CRIM-LIVESTREAM"] == "Amend the Penal Code (PC 2024) to create the offence")
        #expect(gaps.allSatisfy { ($0["finding"] as? String)?.contains(Self.marker) == false })
    }

    /// No research note reaches any brief, in any kind or format.
    @Test(arguments: BriefKind.allCases.map(\.rawValue))
    func noResearchNoteReachesABrief(_ kind: String) throws {
        for format in ["md", "html"] {
            let result = try Self.run(["brief", "XD", "--kind", kind, "--format", format, "--as-of", "2026-01-01"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains(Self.marker), "\(kind) \(format)")
        }
        let path = try Scratch.folder().appendingPathComponent("\(kind).docx").path
        let docx = try Self.run(["brief", "XD", "--kind", kind, "--format", "docx", "-o", path, "--as-of", "2026-01-01"])
        #expect(docx.status == 0, "\(docx.stderr)")
        let text = try Tool.run(
            "python3",
            [
                "-c",
                "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(''.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml')))",
                path,
            ])
        #expect(text.contains("Fourthland"))
        #expect(!text.contains(Self.marker), "\(kind) docx")
    }
}
