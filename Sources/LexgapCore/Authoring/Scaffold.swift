/// A new jurisdiction file, ready to fill in: a draft with every criterion of the checklist `unclear`, each preceded
/// by its question and what counts as met and partly met, as comments.
public enum Scaffold {
    /// Texts the scaffold writes for the author to replace; `validate` flags them in a file that is not a draft.
    public static let placeholders = [
        "One paragraph on the law as a whole: the main instruments and the main gaps.", "Not yet researched.",
    ]

    public static func jurisdiction(code: String, name: String, region: String, checklist: Checklist) -> String {
        var out = """
            # yaml-language-server: $schema=../\(InputSchema.jurisdiction.path)
            # \(name) (\(code)): assessed against "\(checklist.title)", version \(checklist.version).
            # Fill in the instruments first, then answer each criterion from the text of the law: give a status (met,
            # partial, absent, unclear or not_applicable), the instrument and section for every met or partial, a
            # `finding` (one to three sentences a filing can quote: what the law provides and where it falls short) and
            # a research `note` (what you read, what disagrees, what would settle it). For a gap, `amend` names the law
            # to change (an instrument id, or `new`). Where you cannot confirm an answer, leave it unclear and say in the
            # note what would settle it. When the file is complete, delete `draft: true`, add `reviewed:` (the day you
            # last checked the whole file) and set `recorded_from:` (the date from which its history is complete).
            # Check your work with: lexgap validate --strict jurisdictions/\(code).yaml
            schema_version: 2
            code: \(code)
            name: \(quoted(name))
            region: \(quoted(region))
            draft: true   # unfinished: kept out of rankings, comparisons, the site and briefs
            summary: >-
              \(placeholders[0])
            sources: []   # secondary sources consulted: - {title: ..., url: https://..., note: what you checked there}
            instruments: []   # - {id: ACT-1, title: ..., short: ..., citation: ..., kind: statute, enacted: YYYY-MM-DD, in_force: YYYY-MM-DD, url: https://...}
            treaties: []   # - {treaty: OPSC, status: party, signed: YYYY-MM-DD, ratified: YYYY-MM-DD}
            assessments:

            """
        for category in checklist.categories {
            out += "  # ---- \(category.title) (\(category.id))\n"
            for criterion in checklist.criteria where criterion.category == category.id {
                out += comment(criterion.question, indent: "  ")
                out += comment("Met: \(criterion.guidance.met)", indent: "  ")
                out += comment("Partly met: \(criterion.guidance.partial)", indent: "  ")
                out += "  \(criterion.id):\n    status: unclear\n    note: \(placeholders[1])\n"
            }
        }
        return out
    }

    /// A YAML double-quoted scalar, so that any name (with `:` or `#` in it) stays one string: JSON's escapes are
    /// YAML's too.
    static func quoted(_ text: String) -> String { JSONWriter.quoted(text) }

    /// `text` as comment lines of at most about 110 columns.
    static func comment(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty, line.count + word.count + 1 > 104 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { "\(indent)# \($0)\n" }.joined()
    }
}
