import Foundation
import LexgapCore
import Testing

/// Golden outputs of every analysis command in every format, run as a process on the fictional fixture corpus
/// with `--as-of` pinned, so they never change with the calendar.
@Suite struct AnalysisGoldenTests {
    static let data = ["--checklist", "analysis/checklist.yaml", "--data", "analysis/jurisdictions"]

    static let commands: [(name: String, arguments: [String])] = [
        ("score", ["score", "--as-of", "2026-01-01"]),
        ("score-2010", ["score", "XA", "XB", "--as-of", "2010-01-01"]),
        ("score-weights", ["score", "--as-of", "2026-01-01", "--weights", "analysis/weights.yaml"]),
        ("gaps-XC", ["gaps", "XC", "--as-of", "2026-01-01"]),
        ("compare", ["compare", "--all", "--as-of", "2026-01-01"]),
        ("compare-differences", ["compare", "XA", "XC", "--only-differences", "--as-of", "2010-01-01"]),
        ("rank", ["rank", "--as-of", "2026-01-01"]),
        ("diff-XB", ["diff", "XB", "--from", "2015-01-01", "--to", "2024-01-01"]),
        ("timeline-XA", ["timeline", "XA"]),
        ("sensitivity", ["sensitivity", "--as-of", "2026-01-01"]),
    ]

    static let cases: [String] = commands.flatMap { command in
        AnalysisFormat.allCases.map { "\(command.name).\($0.rawValue)" }
    }

    @Test(arguments: cases)
    func commandOutputMatchesItsGolden(_ name: String) throws {
        let parts = name.split(separator: ".")
        let command = try #require(Self.commands.first { $0.name == parts[0] })
        let result = try CLI.run(command.arguments + Self.data + ["--format", String(parts[1])], in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Fixtures.matchesGolden(result.stdout, "analysis/golden/\(name)")
        #expect(result.stdout == golden.expected)
    }

    @Test func brokenDataIsNeverScored() throws {
        let result = try CLI.run(["score", "--checklist", "checklist.yaml", "--data", "broken/unknown-status"], in: Fixtures.directory)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("[unknown-status]"))
    }

    @Test func weightsFileWithUnknownIDsIsRejectedWithItsLocation() throws {
        let weights = FileManager.default.temporaryDirectory.appendingPathComponent("lexgap-weights-\(UUID().uuidString).yaml")
        try Data("schema_version: 1\ncriteria:\n  CRIM-VIEWRS: 2\n".utf8).write(to: weights)
        defer { try? FileManager.default.removeItem(at: weights) }
        let result = try CLI.run(["score", "--weights", weights.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(weights.path):3:3: error: unknown criterion 'CRIM-VIEWRS'; did you mean 'CRIM-VIEWERS'? [unknown-criterion]"))
    }

    @Test func unknownCodeIsAUsageError() throws {
        let result = try CLI.run(["gaps", "ZZ"] + Self.data, in: Fixtures.directory)
        #expect(result.status == 2)
    }

    /// Output made with `--weights` says so: in JSON, in a table's first line and in a report's header; and the
    /// analyses can be limited to the jurisdictions a student compares.
    @Test func outputNamesItsWeightsAndSubset() throws {
        let weights = ["--weights", "analysis/weights.yaml", "--as-of", "2026-01-01"]
        let rank = try CLI.run(["rank", "XA", "XC", "--format", "json"] + weights + Self.data, in: Fixtures.directory)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rank.stdout.utf8)) as? [String: Any])
        #expect(json["weights"] as? String == "analysis/weights.yaml")
        #expect((json["ranking"] as? [[String: Any]])?.compactMap { $0["code"] as? String }.sorted() == ["XA", "XC"])
        let table = try CLI.run(["sensitivity", "XA", "XB"] + weights + Self.data, in: Fixtures.directory)
        #expect(table.stdout.hasPrefix("Rank under alternative weights, as of 2026-01-01, base weights: analysis/weights.yaml\n"))
        #expect(!table.stdout.contains("XC"))
        let report = try CLI.run(["report", "XA"] + weights + Self.data, in: Fixtures.directory)
        #expect(report.stdout.contains("**Scores use the weights in analysis/weights.yaml, not the checklist's.**"))
        let plain = try CLI.run(["rank", "--format", "json", "--as-of", "2026-01-01"] + Self.data, in: Fixtures.directory)
        #expect(plain.stdout.contains("\"weights\" : null"))
    }

    @Test func csvIsRFC4180() throws {
        let result = try CLI.run(["gaps", "XC", "--format", "csv", "--as-of", "2026-01-01"] + Self.data, in: Fixtures.directory)
        // Every record ends in CRLF, and the recommendation with a comma-free text stays unquoted.
        #expect(result.stdout.components(separatedBy: "\r\n").dropLast().allSatisfy { !$0.contains("\n") })
        #expect(result.stdout.hasSuffix("\r\n"))
        #expect(result.stdout.hasPrefix("id,title,status,weight,gain,needs_research,finding,reform,peers\r\n"))
    }
}

/// Recomputes every shipped jurisdiction's scores from the raw YAML, by the README's method, without the engine's
/// loader or scoring code, and checks that the engine agrees.
@Suite struct IndependentRecomputationTests {
    static let root = Fixtures.repository

    /// The file as PyYAML reads it: a reader independent of lexgap's own (dates come back as text).
    static func yaml(_ path: String) throws -> [String: Any] {
        let json = try Tool.run(
            "python3",
            [
                "-c", "import sys, yaml, json; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), default=str))",
                root.appendingPathComponent(path).path,
            ])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func date(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let date = value as? Date {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: date)
        }
        return nil
    }

    static let shippedCodes = ShippedDataTests.publishedJurisdictions.map {
        String($0.dropFirst("jurisdictions/".count).dropLast(".yaml".count))
    }

    @Test(arguments: shippedCodes, ["2012-01-01", "2019-06-30", "2026-11-22"])
    func shippedScoresAgree(_ code: String, _ asOf: String) throws {
        let checklist = try Self.yaml("checklists/cybersex-trafficking.yaml")
        let file = try Self.yaml("jurisdictions/\(code).yaml")
        let result = try CLI.run(["score", code, "--as-of", asOf, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        // Before the file's recorded_from nothing is recorded: no score, and the jurisdiction is named as left out.
        if let from = Self.date(file["recorded_from"]), asOf < from {
            #expect((json?["jurisdictions"] as? [Any])?.isEmpty == true)
            #expect((json?["not_recorded"] as? [[String: Any]])?.first?["code"] as? String == code)
            return
        }
        let instruments = (file["instruments"] as? [[String: Any]] ?? []).reduce(into: [String: [String: Any]]()) {
            $0[$1["id"] as! String] = $1
        }
        func inForce(_ id: String) -> Bool {
            guard let instrument = instruments[id] else { return false }
            if let start = Self.date(instrument["in_force"]) ?? Self.date(instrument["enacted"]), asOf < start { return false }
            if let end = Self.date(instrument["repealed"]), asOf >= end { return false }
            return true
        }
        let assessments = file["assessments"] as? [String: [String: Any]] ?? [:]
        func status(_ criterion: String) -> String {
            guard let assessment = assessments[criterion] else { return "unclear" }
            let states = (assessment["history"] as? [[String: Any]] ?? []) + [assessment]
            guard let state = states.last(where: { Self.date($0["since"]).map { $0 <= asOf } ?? true }) else { return "unclear" }
            let status = state["status"] as! String
            let provisions = (state["provisions"] as? [[String: Any]] ?? []).map { $0["instrument"] as! String }
            if status == "met" || status == "partial", !provisions.contains(where: inForce) { return "unclear" }
            return status
        }
        let criteria = checklist["criteria"] as! [[String: Any]]
        let categories = checklist["categories"] as! [[String: Any]]
        /// The README's formula, with `unclear` counted as `unclear` (0 for the score, 1 for the top of its range).
        func scores(unclear: Double) -> (overall: Double?, categories: [String: Double]) {
            let values = ["met": 1.0, "partial": 0.5, "absent": 0.0, "unclear": unclear]
            var categoryScores: [String: Double] = [:]
            for category in categories {
                let id = category["id"] as! String
                var earned = 0.0
                var possible = 0.0
                for criterion in criteria where criterion["category"] as! String == id {
                    guard let value = values[status(criterion["id"] as! String)] else { continue }
                    let weight = Double(criterion["weight"] as! Int)
                    earned += weight * value
                    possible += weight
                }
                if possible > 0 { categoryScores[id] = 100 * earned / possible }
            }
            var earned = 0.0
            var possible = 0.0
            for category in categories {
                guard let score = categoryScores[category["id"] as! String] else { continue }
                earned += Double(category["weight"] as! Int) * score
                possible += Double(category["weight"] as! Int)
            }
            return (possible > 0 ? earned / possible : nil, categoryScores)
        }
        let (expected, categoryScores) = scores(unclear: 0)

        let entry = try #require((json?["jurisdictions"] as? [[String: Any]])?.first)
        let round = { (value: Double) in (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }
        #expect((entry["score"] as? Double) == expected.map(round))
        #expect((entry["score_low"] as? Double) == expected.map(round))
        #expect((entry["score_high"] as? Double) == scores(unclear: 1).overall.map(round))
        for category in entry["categories"] as? [[String: Any]] ?? [] {
            #expect((category["score"] as? Double) == categoryScores[category["id"] as! String].map(round))
        }
    }
}

/// Every reading shares its criterion and the instruments it cites with the checklist and the file (`Shared`), so
/// that a large data set fits in memory; a copy that is changed must still change alone.
@Suite struct SharedValueTests {
    @Test func aChangedCopyOfACriterionOrInstrumentLeavesTheOthersAsTheyWere() throws {
        let corpus = Corpus.load(
            checklist: try Fixtures.file("analysis/checklist.yaml"),
            jurisdictions: [try Fixtures.file("analysis/jurisdictions/XA.yaml")])
        let checklist = try #require(corpus.checklist)
        let jurisdiction = try #require(corpus.jurisdictions.first)
        let card = ScoreCard(jurisdiction, checklist: checklist, asOf: try #require(LegalDate(year: 2026, month: 1, day: 1)))
        let cited = try #require(card.criteria.first { !$0.reading.provisions.isEmpty }?.reading)

        var instrument = cited.provisions[0].instrument
        let title = instrument.title
        instrument.title = "Changed"
        #expect(cited.provisions[0].instrument.title == title)
        #expect(jurisdiction.instrument(instrument.id)?.title == title)

        var criterion = cited.criterion
        let question = criterion.question
        criterion.question = "Changed?"
        #expect(cited.criterion.question == question)
        #expect(checklist.criterion(criterion.id)?.question == question)
        #expect(criterion != cited.criterion)

        let slim = card.slimmed()
        #expect(card.jurisdiction.instruments.map(\.note) == jurisdiction.instruments.map(\.note))
        #expect(slim.criteria.map(\.reading) == card.criteria.map(\.reading))
    }
}
