import LexgapCore
import Testing

@Suite struct ModelTests {
    @Test func assessmentIsReadAsOfADate() throws {
        let (loaded, diagnostics) = JurisdictionLoader.load(try Fixtures.file("valid/XA.yaml"))
        let jurisdiction = try #require(loaded)
        #expect(diagnostics.isEmpty)
        let livestream = try #require(jurisdiction.assessment("CRIM-LIVESTREAM"))
        func status(_ text: String) throws -> Status? {
            guard case .success(let date) = LegalDate.parse(text) else { throw ParseFailure() }
            return livestream.state(asOf: date)?.status
        }
        #expect(try status("2009-11-30") == nil)  // before the earliest recorded state: not assessed
        #expect(try status("2009-12-01") == .partial)
        #expect(try status("2022-08-01") == .partial)
        #expect(try status("2022-08-02") == .met)
        let undated = try #require(jurisdiction.assessment("CRIM-VIEWERS"))
        #expect(undated.state(asOf: LegalDate(year: 1990, month: 1, day: 1)!)?.status == .unclear)
    }

    @Test func treatyStandingFollowsTheDates() throws {
        let (loaded, _) = JurisdictionLoader.load(try Fixtures.file("valid/XA.yaml"))
        let treaties = try #require(loaded).treaties
        #expect(treaties.map(\.standing) == [.party, .party])
        #expect(treaties[0].isParty(asOf: LegalDate(year: 2001, month: 1, day: 1)) == false)
        #expect(treaties[0].isParty(asOf: LegalDate(year: 2002, month: 5, day: 28)) == true)
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2023-02-30", false), ("1900-02-29", false), ("2000-02-29", true),
        ("2023-13-01", false), ("2023-1-01", false), ("२०२३-०१-०१", false), ("2023-04-31", false),
    ])
    func datesAreCheckedAgainstTheCalendar(_ text: String, _ valid: Bool) {
        let parsed = LegalDate.parse(text)
        if case .success = parsed { #expect(valid) } else { #expect(!valid) }
    }

    @Test func onlyHTTPAddressesAreURLs() {
        #expect(WebAddress.isHTTP("https://www.legislation.gov.uk/ukpga/2003/42"))
        #expect(WebAddress.isHTTP("http://example.org/a?b=c"))
        for bad in [
            "javascript:alert(1)", "data:text/html,x", "ftp://example.org", "//example.org", "https://", "https://a b.org",
            "www.example.org",
        ] {
            #expect(!WebAddress.isHTTP(bad), "\(bad)")
        }
    }

    @Test func jurisdictionCodesAreISOShaped() {
        for good in ["PH", "US", "US-CA", "GB-ENG", "IN-MH", "FR-75"] { #expect(JurisdictionCode.isWellFormed(good), "\(good)") }
        for bad in ["", "P", "ph", "PHL", "US-", "US-CALI", "../PH", "US/CA", "PH\u{0}"] {
            #expect(!JurisdictionCode.isWellFormed(bad), "\(bad)")
        }
    }

    struct ParseFailure: Error {}
}

@Suite struct TextTableTests {
    @Test func aTerminalWidthShortensOnlyTheWidestColumn() {
        let table = TextTable(header: ["CODE", "NAME", "SCORE"], rows: [["GB", "United Kingdom (England and Wales)", "71.4"]])
        let wide = table.rendered()
        #expect(wide.contains("United Kingdom (England and Wales)  71.4"))
        let narrow = table.rendered(width: 30)
        for line in narrow.split(separator: "\n") { #expect(line.count <= 30, "\(line)") }
        #expect(narrow.contains("71.4"))
        #expect(narrow.contains("…"))
    }

    @Test func csvQuotesAndNeutralisesFormulas() {
        #expect(
            CSV.render(header: ["a", "b"], rows: [["x, y", "say \"hi\""], ["=HYPERLINK(1)", "-2.5"]])
                == "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n'=HYPERLINK(1),-2.5\r\n")
    }

    /// "\r\n" is one Swift character, equal to neither "\r" nor "\n": a field holding only that line break was once
    /// left unquoted, splitting the row in two.
    @Test func csvQuotesAWindowsLineBreak() {
        #expect(CSV.render(header: ["a"], rows: [["one\r\ntwo"]]) == "a\r\n\"one\r\ntwo\"\r\n")
    }

    /// Every invisible or control character the loader refuses is refused wherever it sits in a name, though a fast
    /// byte scan spares ordinary text the character checks; and common legal characters (§, dashes, curly quotes,
    /// other scripts, the joiners Indic and Arabic need) pass.
    @Test func everyRefusedCharacterIsFoundAndOrdinaryTextPasses() throws {
        let fixture = String(decoding: try Fixtures.file("valid/XA.yaml").bytes, as: UTF8.self)
        func nameErrors(_ name: String) -> [String] {
            let text = fixture.replacingOccurrences(of: "name: Testland\n", with: "name: \"\(name)\"\n")
            let (_, diagnostics) = JurisdictionLoader.load(SourceFile(path: "XA.yaml", bytes: Array(text.utf8)))
            return diagnostics.filter { $0.severity == .error }.map(\.message)
        }
        let refused = [0x01, 0x1B, 0x7F, 0x80, 0x9F, 0x200B, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF]
        for value in refused {
            let hex = String(value, radix: 16, uppercase: true)
            let errors = nameErrors("Test\\u\(String(repeating: "0", count: 4 - hex.count) + hex)land")
            #expect(errors.count == 1 && errors[0].contains("character U+"), "U+\(String(value, radix: 16)): \(errors)")
        }
        for name in ["§ 184b StGB", "Arts. 3–5 — “child”’s", "Å, é, ß, ñ", "قانون رقم ٦٤", "ច្បាប់", "a\u{200D}b\u{200C}c"] {
            #expect(nameErrors(name).isEmpty, "\(name)")
        }
    }
}
