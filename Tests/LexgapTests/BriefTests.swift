import Foundation
import LexgapCore
import Testing

/// `lexgap brief`: drafts of the documents advocates file, rendered on the fixture corpus with `--as-of` pinned.
@Suite struct BriefTests {
    static let data = ["--checklist", "analysis/checklist.yaml", "--data", "analysis/jurisdictions", "--as-of", "2026-01-01"]
    static let settings = [
        "--organisation", "Testland Child Rights Coalition", "--session", "UPR 99th session, 2027", "--since", "2015-01-01",
    ]

    @Test(arguments: BriefKind.allCases.map(\.rawValue))
    func briefMatchesItsGolden(_ kind: String) throws {
        let result = try CLI.run(["brief", "XA", "--kind", kind] + Self.settings + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Fixtures.matchesGolden(result.stdout, "briefs/golden/\(kind).md")
        #expect(result.stdout == golden.expected)
    }

    @Test func bluebookAndHTMLMatchTheirGoldens() throws {
        let bluebook = try CLI.run(
            ["brief", "XA", "--kind", "crc-opsc", "--citation-style", "bluebook"] + Self.settings + Self.data, in: Fixtures.directory)
        #expect(try bluebook.stdout == Fixtures.matchesGolden(bluebook.stdout, "briefs/golden/crc-opsc-bluebook.md").expected)
        let html = try CLI.run(["brief", "XA", "--kind", "upr", "--format", "html"] + Self.settings + Self.data, in: Fixtures.directory)
        #expect(try html.stdout == Fixtures.matchesGolden(html.stdout, "briefs/golden/upr.html").expected)
    }

    /// Pandoc makes a Word file whose footnotes, numbered paragraphs and headings are Word's own; the page is A4.
    @Test func docxHasRealFootnotesNumberingAndHeadings() throws {
        let folder = try Scratch.folder()
        let path = folder.appendingPathComponent("upr.docx").path
        let result = try CLI.run(
            ["brief", "XA", "--kind", "upr", "--format", "docx", "-o", path] + Self.settings + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            doc = z.read('word/document.xml').decode()
            notes = z.read('word/footnotes.xml').decode() if 'word/footnotes.xml' in z.namelist() else ''
            print('footnotes', notes.count('<w:footnote ') - notes.count('w:type="separator"') - notes.count('w:type="continuationSeparator"'))
            print('numbered', doc.count('<w:numPr>'))
            print('headings', doc.count('w:val="Heading'))
            print('a4', 'w:w="11906"' in doc and 'w:h="16838"' in doc)
            print('reference', 'footnoteReference' in doc)
            import re
            print('lists', ','.join(sorted(set(re.findall(r'<w:numId w:val="(\\d+)"', doc)))))
            print('decimal', 'w:abstractNumId="4242"><w:multiLevelType w:val="singleLevel" /><w:lvl w:ilvl="0"><w:start w:val="1" /><w:numFmt w:val="decimal"' in z.read('word/numbering.xml').decode())
            print('disclaimer', 'research aid' in notes and 'research aid' not in doc)
            """
        let report = try Tool.run("python3", ["-c", script, path])
        let values = Dictionary(
            uniqueKeysWithValues: report.split(separator: "\n").map { line -> (String, String) in
                let parts = line.split(separator: " ", maxSplits: 1)
                return (String(parts[0]), String(parts[1]))
            })
        #expect(Int(values["footnotes"] ?? "0") ?? 0 >= 1, "\(report)")
        #expect(Int(values["numbered"] ?? "0") ?? 0 >= 5, "\(report)")
        #expect(Int(values["headings"] ?? "0") ?? 0 >= 5, "\(report)")
        #expect(values["a4"] == "True", "\(report)")
        #expect(values["reference"] == "True", "\(report)")
        // One list across the sections, so that deleting a paragraph in Word renumbers all the rest.
        #expect(values["lists"] == "4242", "\(report)")
        #expect(values["decimal"] == "True", "\(report)")
        // The notice that lexgap drafted the text is a note to the advocate, not part of the body to file.
        #expect(values["disclaimer"] == "True", "\(report)")
    }

    /// The crosswalk annex, a wide table, gets a landscape page of its own in Word.
    @Test func docxCrosswalkIsLandscape() throws {
        let folder = try Scratch.folder()
        let path = folder.appendingPathComponent("annex.docx").path
        let result = try CLI.run(["brief", "XA", "--kind", "crosswalk", "-o", path] + Self.settings + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Tool.run(
            "python3", ["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", path])
        let landscape = document.components(separatedBy: "w:orient=\"landscape\"").count - 1
        #expect(landscape == 1)
        #expect(document.range(of: "<w:tbl>").map { document[..<$0.lowerBound].contains("<w:sectPr>") } == true)
    }

    /// A reform due in a year already past, or changes counted from after the reading date, are usage errors.
    @Test(arguments: [
        (["--by", "2025"], "Error: --by 2025 is before the year the law is read as of (2026); give 2026 or later"),
        (
            ["--since", "2026-06-01"],
            "Error: --since 2026-06-01 is after the date the law is read as of (2026-01-01); give the date of the last review"
        ),
        (["--no-default-keywords"], "Error: --no-default-keywords needs at least one --keyword"),
    ])
    func impossiblePeriodsAreRefused(_ example: ([String], String)) throws {
        let result = try CLI.run(["brief", "XA", "--kind", "upr"] + example.0 + Self.data, in: Fixtures.directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(example.1), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// `--keyword` adds to the default keywords; `--no-default-keywords` leaves only the advocate's.
    @Test func keywordsAddToTheDefaults() throws {
        let added = try CLI.run(["brief", "XA", "--kind", "upr", "--keyword", "sextortion"] + Self.data, in: Fixtures.directory)
        let line = added.stdout.split(separator: "\n").first { $0.contains("Keywords") }.map(String.init) ?? ""
        #expect(line.contains("cybersex trafficking") && line.hasSuffix("trafficking in persons; sextortion"), "\(line)")
        let only = try CLI.run(
            ["brief", "XA", "--kind", "upr", "--keyword", "sextortion", "--no-default-keywords"] + Self.data, in: Fixtures.directory)
        let onlyLine = only.stdout.split(separator: "\n").first { $0.contains("Keywords") }.map(String.init) ?? ""
        #expect(onlyLine.hasSuffix("sextortion") && !onlyLine.contains("cybersex"), "\(onlyLine)")
    }

    @Test func pinpointsOfOneInstrumentAreSortedAndMerged() {
        #expect(CitationStyle.oscola.pinpoints(["Sec. 4(g)", "Sec. 4(c)", "s. 4(f)"]) == "ss 4(c), (f) and (g)")
        #expect(CitationStyle.bluebook.pinpoints(["Sec. 10", "Sec. 4"]) == "§§ 4 and 10")
        #expect(CitationStyle.oscola.pinpoints(["Art. 3", "Arts. 5, 6"]) == "arts 3, 5 and 6")
        #expect(
            CitationStyle.oscola.pinpoints(["s. 474.17 (menacing, harassing)", "s. 474.22"]) == "s 474.17 (menacing, harassing), s 474.22")
        #expect(CitationStyle.oscola.pinpoints(["Sec. 4", "Part 2"]) == "s 4, Part 2")
        #expect(CitationStyle.oscola.pinpoints(["Sec. 30", "Part 2", "Sec. 4(g)"]) == "ss 4(g) and 30, Part 2")
        #expect(CitationStyle.oscola.pinpoints(["ss. 44-47", "s. 41"]) == "ss 41 and 44–47")
    }

    /// The full citation once, the short form after; in the Bluebook "Id." for the instrument the note before cited alone.
    @Test func laterFootnotesUseShortFormsAndId() throws {
        let folder = try Scratch.folder()
        var text = try String(
            contentsOf: Fixtures.directory.appendingPathComponent("analysis/jurisdictions/XA.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "    status: unclear\n    note: Check whether Sec. 5 of the 2022 act reaches viewers.\n",
            with: """
                    status: absent
                    provisions:
                      - {instrument: ACT-1, section: Sec. 5(g)}
                      - {instrument: ACT-1, section: Sec. 5(c)}
                    finding: Viewing is not an offence.
                    amend: ACT-1

                """)
        try Data(text.utf8).write(to: folder.appendingPathComponent("XA.yaml"))
        let data = ["--checklist", Fixtures.directory.appendingPathComponent("analysis/checklist.yaml").path, "--data", folder.path]
        func notes(_ style: String) throws -> [String] {
            let result = try CLI.run(
                ["brief", "XA", "--kind", "upr", "--citation-style", style, "--as-of", "2026-01-01"] + data, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").filter { $0.hasPrefix("[^") }.map(String.init)
        }
        #expect(
            try notes("oscola") == [
                "[^1]: Live Streaming Act (Act No. 2 of 2022), s 4(c).",
                "[^2]: Online Abuse Act (Act No. 1 of 2009), ss 5(c) and (g) (hereafter OAA 2009).",
                "[^3]: OAA 2009, s 10.",
            ])
        #expect(
            try notes("bluebook") == [
                "[^1]: Live Streaming Act (Act No. 2 of 2022), § 4(c).",
                "[^2]: Online Abuse Act (Act No. 1 of 2009), §§ 5(c) and (g) \\[hereinafter OAA 2009\\].",
                "[^3]: Id. § 10.",
            ])
    }

    /// `--previous` fills the follow-up section from the advocate's record of the last review, and its date is where
    /// the developments start.
    @Test func previousReviewFeedsTheFollowUp() throws {
        let result = try CLI.run(
            ["brief", "XA", "--kind", "upr", "--previous", "briefs/previous.yaml"] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                """
                ## Follow-up to the previous review

                4. At its last review, on 12 November 2019, Testland received 2 recommendations on these issues: it supported 1 and noted 1.

                5. Recommendation 120.15 (Utopia), supported: “Criminalize the live-streaming of child sexual abuse.” The Live Streaming Act was adopted in 2022.

                6. Recommendation 120.16, noted: “Accede to the Budapest Convention.” \\[Describe what has been done to implement this recommendation, with sources.\\]
                """))
        #expect(result.stdout.contains("7. On 2 August 2022 (Live Streaming Act), the law changed"))
        let broken = try CLI.run(
            ["brief", "XA", "--kind", "upr", "--previous", "briefs/previous-broken.yaml"] + Self.data, in: Fixtures.directory)
        #expect(broken.status == 1)
        #expect(
            broken.stderr == """
                briefs/previous-broken.yaml:6:15: error: unknown response 'accepted' (expected one of: supported, noted) [invalid-value]
                briefs/previous-broken.yaml:7:5: error: unknown key 'numbr' in a recommendation; did you mean 'number'? [unknown-key]

                """)
        #expect(broken.stdout.isEmpty)
    }

    @Test func docxWithoutPandocSaysWhatToInstall() throws {
        let folder = try Scratch.folder()
        let result = try CLI.run(
            ["brief", "XA", "--kind", "upr", "--format", "docx", "-o", folder.appendingPathComponent("x.docx").path] + Self.data,
            in: Fixtures.directory, environment: ["PATH": folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("apt-get install pandoc"))
    }

    /// Reports to the Committee on the Rights of the Child state only what concerns children: a criterion that also
    /// protects adults is told through its child part, and left out where the law meets it for children.
    @Test func crcReportsTellOnlyTheChildPart() throws {
        let children = ["--checklist", "analysis/checklist.yaml", "--data", "briefs/children", "--as-of", "2026-01-01"]
        func brief(_ code: String, _ kind: String) throws -> String {
            let result = try CLI.run(["brief", code, "--kind", kind] + children, in: Fixtures.directory)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        for kind in ["crc-opsc", "crc-loi"] {
            let metForChildren = try brief("XF", kind)
            #expect(!metForChildren.contains("ADULT-GAP-FINDING"))
            #expect(!metForChildren.contains("create the offence"))
            #expect(metForChildren.contains("criminalise viewers"))
        }
        let partlyForChildren = try brief("XG", "crc-opsc")
        #expect(!partlyForChildren.contains("ADULT-GAP-FINDING"))
        #expect(partlyForChildren.contains("CHILD-PART-FINDING Streaming the abuse of a child under 16"))
        #expect(partlyForChildren.contains("recommends that the State party adopt legislation to create the offence."))
        // Every other brief states the whole gap, adults included.
        let upr = try brief("XF", "upr")
        #expect(upr.contains("ADULT-GAP-FINDING"))
        #expect(upr.contains("live-streamed abuse is criminalised only in part (CRIM-LIVESTREAM)"))
    }

    /// Where the position of the law is not established, a CRC report asks the Committee to ask, and claims no gap.
    @Test func crcReportNeverStatesAGapWhereTheLawIsUnclear() throws {
        let result = try CLI.run(["brief", "XA", "--kind", "crc-opsc"] + Self.settings + Self.data, in: Fixtures.directory)
        let viewers = result.stdout.components(separatedBy: "\n").filter { $0.contains("Viewers are criminalised") }
        #expect(viewers.count == 1)
        #expect(viewers.allSatisfy { $0.contains("not yet established") && !$0.contains("meets") })
        #expect(!result.stdout.contains("recommends that the State party adopt or amend legislation to criminalise viewers"))
    }

    @Test func overTheLimitStillRendersWithAWarning() throws {
        let result = try CLI.run(["brief", "XA", "--kind", "upr", "--cap", "50"] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: the draft is over the word limit: "))
        #expect(result.stderr.contains("the limit is 50"))
        #expect(result.stdout.contains("# Submission to the Universal Periodic Review of Testland"))
    }

    @Test func wordsAreCountedAsAReaderCountsThem() {
        #expect(WordCount.count("Amend the Act, s 4(c), by 2030. It's anti-money-laundering: 4.5%.") == 11)
        #expect(WordCount.count("**Question:** Please — provide [^1] information.") == 5)
        #expect(WordCount.count("") == 0)
        #expect(WordCount.count("| --- | --- |") == 0)
    }

    @Test(arguments: [
        ("Sec. 4(c)", "s 4(c)", "§ 4(c)"), ("s. 66B(4)", "s 66B(4)", "§ 66B(4)"), ("Section 72", "s 72", "§ 72"),
        ("ss. 7, 13", "ss 7, 13", "§§ 7, 13"), ("Secs. 113 and 114", "ss 113 and 114", "§§ 113 and 114"),
        ("§ 2252A(a)(5)(B)", "s 2252A(a)(5)(B)", "§ 2252A(a)(5)(B)"), ("Art. 3(1)(c)", "art 3(1)(c)", "art. 3(1)(c)"),
        ("Article 240b", "art 240b", "art. 240b"), ("Arts. 24, 25 and 29", "arts 24, 25 and 29", "arts. 24, 25 and 29"),
        ("Part 2", "Part 2", "Part 2"), ("Subdivision F", "Subdivision F", "Subdivision F"),
        // Ranges take an en dash; a hyphenated article number (Korean and Taiwanese branch articles) keeps its hyphen.
        ("ss. 22-23", "ss 22–23", "§§ 22–23"), ("s. 66(1)-(2)", "s 66(1)–(2)", "§ 66(1)–(2)"),
        ("arts. 417/43-417/48", "arts 417/43–417/48", "arts. 417/43–417/48"), ("Art. 11-2", "art 11-2", "art. 11-2"),
        ("Arts. 14-2, 14-3", "arts 14-2, 14-3", "arts. 14-2, 14-3"), ("Arts. 288-292", "arts 288–292", "arts. 288–292"),
    ])
    func pinpointsFollowTheCitationStyle(_ example: (String, String, String)) {
        #expect(CitationStyle.oscola.pinpoint(example.0) == example.1)
        #expect(CitationStyle.bluebook.pinpoint(example.0) == example.2)
    }
}
