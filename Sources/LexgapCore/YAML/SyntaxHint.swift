/// Explains libyaml's syntax errors in the words of the people who write lexgap's files (lawyers, not programmers),
/// for the mistakes they make: a colon or a special character in unquoted text, and indentation. libyaml reports an
/// indentation mistake where it notices it, often the line after the real one; the hint points at the line that is
/// actually wrong. libyaml's own words are kept as a note.
struct SyntaxHint {
    var message: String
    var line: Int
    var column: Int

    /// One line of the file, as the hints need it.
    struct Line {
        var number: Int
        var text: Substring
        /// Leading spaces.
        var indent: Int
        /// The key the line starts with (after any `- `), if it is `key:` or `key: value`.
        var key: Substring?
        /// Where the key (or the item's text) starts, after any `- `.
        var keyColumn: Int
        var isItem: Bool
        /// Where the value after `key: ` starts (0-based), if there is one on the line.
        var valueStart: Int?

        /// `key:` alone: what follows, indented, is its value.
        var opensBlock: Bool { key != nil && valueStart == nil }

        var isContent: Bool {
            let rest = text.drop { $0 == " " }
            return !rest.isEmpty && !rest.hasPrefix("#")
        }
    }

    static func lines(of text: String) -> [Line] {
        let parts: [Substring] = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var result: [Line] = []
        for (index, part) in parts.enumerated() { result.append(line(part, number: index + 1)) }
        return result
    }

    static func line(_ text: Substring, number: Int) -> Line {
        let indent: Int = text.prefix { $0 == " " }.count
        var body: Substring = text.dropFirst(indent)
        while body.hasPrefix("- ") { body = body.dropFirst(2).drop { $0 == " " } }
        var key: Substring?
        var valueStart: Int?
        // `key:` or `key: value`, with a plain key of one word (lexgap's keys have no spaces).
        if let colon = body.firstIndex(of: ":"), let first = body.first, !"\"'{[#".contains(first) {
            let name: Substring = body[..<colon]
            let after: Substring = body[body.index(after: colon)...]
            if !name.isEmpty, !name.contains(" "), after.isEmpty || after.hasPrefix(" ") {
                key = name
                let value: Substring = after.drop { $0 == " " }
                if !value.isEmpty, !value.hasPrefix("#") { valueStart = text.distance(from: text.startIndex, to: value.startIndex) }
            }
        }
        let keyColumn: Int = text.distance(from: text.startIndex, to: body.startIndex)
        return Line(
            number: number, text: text, indent: indent, key: key, keyColumn: keyColumn, isItem: keyColumn > indent, valueStart: valueStart)
    }

    /// The step the file indents by (2 in lexgap's files): the most common increase between consecutive content lines.
    static func step(_ lines: [Line]) -> Int {
        var counts: [Int: Int] = [:]
        var previous: Int?
        for line in lines where line.isContent {
            if let previous, line.indent > previous { counts[line.indent - previous, default: 0] += 1 }
            previous = line.indent
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 2
    }

    static let quoteHint = "put the text in quotes (\"...\"), or write the key alone and the text on the next lines, indented, after `>-`"

    /// A better message for libyaml's `problem` at `line`:`column` (1-based), or nil to keep libyaml's.
    static func explain(problem: String, line errorLine: Int, column: Int, text: String) -> SyntaxHint? {
        let lines = lines(of: text)
        guard errorLine >= 1, errorLine <= lines.count else { return nil }
        let here = lines[errorLine - 1]
        let value = here.valueStart.map { here.text.dropFirst($0) } ?? ""

        // A character that YAML reads as syntax at the start of a value.
        if let first = value.first {
            let special: [Character: String] = [
                "*": "'*' (YAML reads '*name' as a reference to an anchor)", "&": "'&' (YAML reads '&name' as an anchor)",
                "@": "'@'", "`": "'`'", "%": "'%'", "!": "'!' (YAML reads it as a tag)", "|": "'|'", ">": "'>'",
            ]
            if let what = special[first],
                problem.contains("alias") || problem.contains("cannot start any token") || problem.contains("anchor")
                    || problem.contains("tag")
            {
                return SyntaxHint(
                    message: "the text of '\(here.key ?? "")' starts with \(what), which YAML reads as syntax; \(quoteHint)",
                    line: here.number, column: here.valueStart! + 1)
            }
            if first == "\"" || first == "'", problem.contains("did not find expected key") || problem.contains("expected <block end>") {
                return SyntaxHint(
                    message:
                        "the text of '\(here.key ?? "")' goes on after its closing quote; put the whole text inside the quotes (doubling any quote within it), or write the key alone and the text on the next lines, indented, after `>-`",
                    line: here.number, column: here.valueStart! + 1)
            }
        }

        let indentationFamily = [
            "mapping values are not allowed", "did not find expected key", "did not find expected '-'",
            "block sequence entries are not allowed", "did not find expected <document start>",
        ]
        guard indentationFamily.contains(where: problem.contains) else { return nil }

        // A colon inside unquoted text, after the line's own key.
        if problem.contains("mapping values are not allowed"), let start = here.valueStart, column - 1 > start {
            return SyntaxHint(
                message: "the text of '\(here.key ?? "")' contains ': ', which YAML reads as the start of another key; \(quoteHint)",
                line: here.number, column: column)
        }

        // Indentation: find the line that breaks the block, among the last few content lines up to the error.
        let step = step(lines)
        let content = Array(lines[..<errorLine].filter(\.isContent))
        if step > 1, let index = content.indices.suffix(4).last(where: { content[$0].indent % step != 0 }), index > 0 {
            let odd = content[index]
            let previous = content[index - 1]
            let expected: Int
            let reason: String
            if previous.opensBlock {
                expected = previous.indent + step
                reason = "to stand under '\(previous.key!)' on line \(previous.number)"
            } else if odd.isItem, let item = content[..<index].last(where: { $0.isItem && abs($0.indent - odd.indent) < step }) {
                expected = item.indent
                reason = "to align with the list item on line \(item.number)"
            } else {
                expected = previous.keyColumn
                reason = "to align with '\(previous.key ?? "")' on line \(previous.number)"
            }
            return SyntaxHint(
                message:
                    "this line is indented differently from the keys above it (\(odd.indent) spaces); indent it by \(expected) spaces \(reason)",
                line: odd.number, column: odd.indent + 1)
        }
        guard content.count >= 2 else { return nil }
        let current = content[content.count - 1]
        let previous = content[content.count - 2]
        guard current.indent > previous.indent, previous.valueStart != nil else { return nil }
        // A key with a value is followed by a deeper line: either that line is indented too far, or the key was moved
        // out of the block the deeper line belongs to. The keys of the same kind above tell which.
        let family = families.first { $0.contains(String(current.key ?? "")) && $0.contains(String(previous.key ?? "")) }
        let kin = family.flatMap { family in content.dropLast(2).last { $0.key.map { family.contains(String($0)) } ?? false } }
        if let kin, kin.keyColumn == current.keyColumn, kin.keyColumn != previous.keyColumn {
            return SyntaxHint(
                message:
                    "this line is indented differently from the keys of its block ('\(kin.key!)' on line \(kin.number)); indent '\(previous.key ?? "")' by \(current.keyColumn) spaces to align with them",
                line: previous.number, column: previous.indent + 1)
        }
        return SyntaxHint(
            message:
                "this line is indented more than '\(previous.key ?? "")' on line \(previous.number), so YAML reads it as part of that text; indent '\(current.key ?? "")' by \(previous.keyColumn) spaces to align with it",
            line: current.number, column: current.indent + 1)
    }

    /// Keys that stand side by side in lexgap's files: a line and its neighbour from one family belong to one block.
    static let families: [Set<String>] = [
        Set(JurisdictionLoader.assessmentKeys), Set(JurisdictionLoader.instrumentKeys), Set(JurisdictionLoader.topKeys),
        Set(JurisdictionLoader.treatyKeys), Set(JurisdictionLoader.sourceKeys), Set(JurisdictionLoader.provisionKeys),
    ]
}
