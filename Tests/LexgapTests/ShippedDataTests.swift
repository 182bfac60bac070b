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

    @Test func shippedDataHasNoDiagnostics() throws {
        let corpus = Corpus.load(
            checklist: try Self.shippedFile("checklists/cybersex-trafficking.yaml"),
            jurisdictions: try Self.shippedJurisdictions.map(Self.shippedFile))
        #expect(corpus.diagnostics.map(\.formatted) == [])
        // Every jurisdiction the source documents name.
        #expect(corpus.jurisdictions.map(\.code) == ["AU", "BE", "CA", "CN", "GB", "IN", "KR", "MY", "NL", "NP", "PH", "SE", "TH", "TW", "US"])
        // Honest `unclear` answers stay under a fifth of all assessments.
        let statuses = corpus.jurisdictions.flatMap { $0.assessments.map(\.current.status) }
        #expect(statuses.count { $0 == .unclear } * 5 < statuses.count)
    }

    @Test func checklistCoversTheRequiredGround() throws {
        let (loaded, diagnostics) = ChecklistLoader.load(try Self.shippedFile("checklists/cybersex-trafficking.yaml"))
        let checklist = try #require(loaded)
        #expect(diagnostics.isEmpty)
        #expect((25...30).contains(checklist.criteria.count))
        #expect(Set(checklist.criteria.map(\.category)) == ["CRIM", "JUR", "FIN", "TECH", "VIC", "PREV"])
        for criterion in checklist.criteria {
            #expect(!criterion.why.isEmpty && !criterion.recommendation.isEmpty, "\(criterion.id)")
            #expect(!criterion.guidance.met.isEmpty && !criterion.guidance.partial.isEmpty, "\(criterion.id)")
            // Every rationale names the source document it is drawn from.
            #expect(criterion.why.contains("Wikipedia, \"Cybersex trafficking\"") || criterion.why.contains("Navani (2023)"), "\(criterion.id)")
        }
        for id in ["CRIM-LIVESTREAM", "CRIM-VIEWERS", "CRIM-DIRECTING", "CRIM-GROOMING", "JUR-EXTRATERRITORIAL", "FIN-VASP", "VIC-NON-PUNISHMENT"] {
            #expect(checklist.criterion(id) != nil, "missing \(id)")
        }
    }

    /// Legal data is evidence: every met or partial names an instrument and a section, in every dated state.
    @Test func everyClaimCitesAProvision() throws {
        for path in Self.shippedJurisdictions {
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

    /// Every instrument a met or partial cites is in force on the date its state claims (`since`), and the current
    /// state cites no instrument repealed by then; every jurisdiction assesses every criterion.
    @Test func citedInstrumentsAreInForceWhenClaimed() throws {
        let (checklistLoaded, _) = ChecklistLoader.load(try Self.shippedFile("checklists/cybersex-trafficking.yaml"))
        let checklist = try #require(checklistLoaded)
        for path in Self.shippedJurisdictions {
            let (loaded, _) = JurisdictionLoader.load(try Self.shippedFile(path))
            let jurisdiction = try #require(loaded)
            #expect(Set(jurisdiction.assessments.map(\.criterion)) == Set(checklist.criteria.map(\.id)), "\(path) does not assess every criterion")
            for assessment in jurisdiction.assessments {
                let timeline = assessment.timeline
                for (index, state) in timeline.enumerated() where state.status.needsProvision {
                    // A state holds from its `since` until the next state's; the current one holds until today.
                    let end = index + 1 < timeline.count ? timeline[index + 1].since : nil
                    for provision in state.provisions {
                        guard let instrument = jurisdiction.instrument(provision.instrument) else { continue }
                        if let since = state.since, let start = instrument.inForce ?? instrument.enacted {
                            #expect(start <= since, "\(path) \(assessment.criterion): \(instrument.id) is not in force on \(since)")
                        }
                        if let repealed = instrument.repealed {
                            let holdsUntil = end
                            #expect(holdsUntil.map { repealed >= $0 } ?? false, "\(path) \(assessment.criterion): \(instrument.id) is repealed on \(repealed), while the state citing it still holds")
                        }
                    }
                }
            }
        }
    }
}
