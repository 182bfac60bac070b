import Foundation
import LexgapCore
import Testing

/// The real data is a test: the shipped checklist and every shipped jurisdiction load with zero diagnostics.
@Suite struct ShippedDataTests {
    static func shippedFile(_ relativePath: String) throws -> SourceFile {
        let url = Fixtures.repository.appendingPathComponent(relativePath)
        return SourceFile(path: relativePath, bytes: [UInt8](try Data(contentsOf: url)))
    }

    static var shippedJurisdictions: [String] {
        let folder = Fixtures.repository.appendingPathComponent("jurisdictions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "jurisdictions/\($0)" }
    }

    /// The shipped files that are finished: a draft (`draft: true`) is work in progress, held to the format's rules
    /// (`shippedDataHasNoDiagnostics`) but not yet to those of published data.
    static var publishedJurisdictions: [String] {
        shippedJurisdictions.filter { path in
            let text = (try? String(contentsOf: Fixtures.repository.appendingPathComponent(path), encoding: .utf8)) ?? ""
            return !text.contains("\ndraft: true")
        }
    }

    @Test func shippedDataHasNoDiagnostics() throws {
        let corpus = Corpus.load(
            checklist: try Self.shippedFile("checklists/cybersex-trafficking.yaml"),
            jurisdictions: try Self.shippedJurisdictions.map(Self.shippedFile))
        #expect(corpus.diagnostics.map(\.formatted) == [])
        // Every jurisdiction the source documents name, and those added since.
        let codes = Set(corpus.jurisdictions.map(\.code))
        #expect(codes.isSuperset(of: ["AU", "BE", "CA", "CN", "GB", "IN", "KR", "MY", "NL", "NP", "PH", "SE", "TH", "TW", "US"]))
        // A published file's instruments can be found: nine in ten or more of them, across the data, link their text.
        let instruments = corpus.jurisdictions.published().flatMap(\.instruments)
        #expect(instruments.count { $0.url != nil } * 10 >= instruments.count * 9)
        // Honest `unclear` answers stay under a fifth of all assessments.
        let statuses = corpus.jurisdictions.flatMap { $0.assessments.map(\.current.status) }
        #expect(statuses.count { $0 == .unclear } * 5 < statuses.count)
    }

    @Test func checklistCoversTheRequiredGround() throws {
        let (loaded, diagnostics) = ChecklistLoader.load(try Self.shippedFile("checklists/cybersex-trafficking.yaml"))
        let checklist = try #require(loaded)
        #expect(diagnostics.isEmpty)
        #expect(checklist.criteria.count == 36)
        #expect(Set(checklist.criteria.map(\.category)) == ["CRIM", "JUR", "FIN", "TECH", "VIC", "PREV"])
        let instruments = [
            "OPSC", "Palermo Protocol", "Budapest Convention", "Second Additional Protocol", "Lanzarote Convention",
            "Council of Europe Anti-Trafficking Convention", "UN Convention against Cybercrime", "EU Directive", "Regulation (EU)", "FATF",
            "Lanzarote Committee", "CRC Committee", "ICMEC",
        ]
        for criterion in checklist.criteria {
            #expect(!criterion.why.isEmpty && !criterion.recommendation.isEmpty, "\(criterion.id)")
            #expect(!criterion.guidance.met.isEmpty && !criterion.guidance.partial.isEmpty, "\(criterion.id)")
            // Measured against what: each standard names an instrument and its article (or recommendation); a
            // criterion that no adopted instrument sets says so in its rationale, naming the proposal if there is one.
            for standard in criterion.standards {
                #expect(instruments.contains(where: standard.hasPrefix), "\(criterion.id): \(standard)")
                #expect(
                    standard.contains("Art") || standard.contains("Recommendation") || standard.contains("Opinion")
                        || standard.contains("core criterion"),
                    "\(criterion.id): \(standard)")
            }
            if criterion.standards.isEmpty {
                #expect(
                    criterion.why.contains("No adopted international instrument"), "\(criterion.id) has no standard and does not say why")
            }
            // Proposals are never standards.
            #expect(!criterion.standards.contains { $0.contains("COM(") }, "\(criterion.id)")
        }
        #expect(checklist.criteria.count { $0.standards.isEmpty } <= 1)
        for id in [
            "CRIM-LIVESTREAM", "CRIM-VIEWERS", "CRIM-DIRECTING", "CRIM-GROOMING", "JUR-EXTRATERRITORIAL", "FIN-VASP", "VIC-NON-PUNISHMENT",
            "CRIM-VIRTUAL-MATERIAL", "CRIM-INTIMATE-IMAGES", "CRIM-MANUALS", "JUR-EVIDENCE-ORDERS", "TECH-RISK-DUTY", "VIC-SELF-GENERATED",
        ] {
            #expect(checklist.criterion(id) != nil, "missing \(id)")
        }
    }

    /// Legal data is evidence: every met or partial names an instrument and a section, in every dated state.
    @Test func everyClaimCitesAProvision() throws {
        for path in Self.publishedJurisdictions {
            let (loaded, _) = JurisdictionLoader.load(try Self.shippedFile(path))
            let jurisdiction = try #require(loaded)
            #expect(jurisdiction.reviewed != nil, "\(path) has no review date")
            for assessment in jurisdiction.assessments {
                for state in assessment.timeline where state.status.needsProvision {
                    #expect(!state.provisions.isEmpty, "\(path) \(assessment.criterion)")
                    #expect(state.provisions.allSatisfy { !$0.section.isEmpty && jurisdiction.instrument($0.instrument) != nil })
                }
            }
        }
    }

    /// Findings are text a filing can quote: present on every definite answer, not the research note copied, and
    /// free of the words of research (doubts and sources belong in the note). Whether cited instruments are in
    /// force on the dates claimed is `validate`'s check (not-in-force), covered by `shippedDataHasNoDiagnostics`.
    @Test func findingsReadAsFindings() throws {
        let researchWords = [
            "not confirmed", "see history", "not read", "only as quoted", "check the", "secondary reproduction", "could not be",
        ]
        for path in Self.publishedJurisdictions {
            let (loaded, _) = JurisdictionLoader.load(try Self.shippedFile(path))
            let jurisdiction = try #require(loaded)
            #expect(!jurisdiction.draft && jurisdiction.recordedFrom != nil, "\(path)")
            for assessment in jurisdiction.assessments {
                for state in assessment.timeline {
                    if state.status.needsFinding { #expect(!state.finding.isEmpty, "\(path) \(assessment.criterion)") }
                    #expect(
                        state.finding != state.note || state.finding.isEmpty, "\(path) \(assessment.criterion): the finding copies the note"
                    )
                    for word in researchWords {
                        #expect(!state.finding.lowercased().contains(word), "\(path) \(assessment.criterion): '\(word)' in a finding")
                    }
                }
            }
        }
    }
}
