/// How footnotes cite the law: the instrument and a pinpoint in the form the chosen legal citation style uses.
public enum CitationStyle: String, Sendable, CaseIterable {
    /// Oxford University Standard for the Citation of Legal Authorities: "s 72", "ss 7, 13", "art 3(1)(c)".
    case oscola
    /// The Bluebook: "§ 72", "§§ 7, 13", "art. 3(1)(c)".
    case bluebook

    /// The pinpoint of a section as the data writes it ("Sec. 4(c)", "s. 66B(4)", "Arts. 24, 25", "§ 2252A"),
    /// rewritten in this style; a pinpoint whose label is not recognised ("Part 2", "Annex A") is left as written.
    public func pinpoint(_ section: String) -> String {
        guard let (kind, rest) = Self.parse(section) else { return Self.withRanges(section.trimmedOfWhitespace, plural: false) }
        return "\(symbol(kind)) \(Self.withRanges(rest, plural: kind.plural == kind))"
    }

    /// Ranges take an en dash: "(1)-(2)" always, and "44-47" or "417/43-417/48" after a plural label ("ss", "arts").
    /// A hyphen elsewhere is part of a number: "Art. 11-2" is one article (Korean and Taiwanese branch articles),
    /// as is "Arts. 14-2" when what follows the hyphen does not count up from what precedes it.
    static func withRanges(_ text: String, plural: Bool) -> String {
        var characters = Array(text)
        for index in characters.indices where characters[index] == "-" && index > 0 && index + 1 < characters.count {
            let (before, after) = (characters[index - 1], characters[index + 1])
            if before == ")" && after == "(" {
                characters[index] = "–"
                continue
            }
            guard plural, before.isNumber || before.isLetter, after.isNumber else { continue }
            let separators: Set<Character> = [" ", ",", "("]
            var start = index
            while start > 0, !separators.contains(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count, !separators.contains(characters[end]), characters[end] != ")" { end += 1 }
            let (left, right) = (String(characters[start..<index]), String(characters[(index + 1)..<end]))
            if countsUp(from: left, to: right) { characters[index] = "–" }
        }
        return String(characters)
    }

    /// The ranges in a sentence of prose take an en dash as pinpoints do: "(SOA 2003, ss. 25-26)", "s. 66(1)-(2)".
    /// Only a hyphen right after a plural label's number, or between ")" and "(", is read as a range.
    public static func withRangesInProse(_ text: String) -> String {
        guard text.contains("-") else { return text }
        var result = text.replacingOccurrences(of: ")-(", with: ")–(")
        let plural =
            /(?<label>\b(?:ss|Secs|Sections|arts|Arts|Articles|paras|Paras)\.? |§§ ?)(?<left>[0-9][0-9A-Za-z\/]*)-(?<right>[0-9][0-9A-Za-z\/]*)/
        result = result.replacing(plural) { match in
            let (left, right) = (String(match.output.left), String(match.output.right))
            let dash = countsUp(from: left, to: right) ? "–" : "-"
            return "\(match.output.label)\(left)\(dash)\(right)"
        }
        return result
    }

    /// "44" to "47", "417/43" to "417/48", "4A" to "4C": the same shape, counting up.
    static func countsUp(from left: String, to right: String) -> Bool {
        let (l, r) = (left.split(separator: "/"), right.split(separator: "/"))
        guard l.count == r.count, l.dropLast() == r.dropLast(), let a = l.last, let b = r.last else { return false }
        let (na, nb) = (Int(a.prefix { $0.isASCII && $0.isNumber }), Int(b.prefix { $0.isASCII && $0.isNumber }))
        guard let na, let nb else { return false }
        return nb > na || (nb == na && b > a)
    }

    /// The label's kind and what follows it: "Sec. 4(c)" is (.section, "4(c)").
    static func parse(_ section: String) -> (Kind, String)? {
        let trimmed = section.trimmedOfWhitespace
        for (labels, kind) in labels {
            for label in labels where trimmed.hasPrefix(label) {
                let rest = trimmed.dropFirst(label.count)
                // "Section" must not match "Sections", nor "s." a word that merely starts with s.
                guard let next = rest.first, next == " " || next.isNumber else { continue }
                return (kind, String(rest.trimmingPrefix(" ")))
            }
        }
        return nil
    }

    /// The pinpoints of one instrument as one: "s 4(g)", "s 4(c)", "s 4(f)" become "ss 4(c), (f) and (g)"; pinpoints
    /// of another kind ("Part 2") or already lists ("ss 7, 13") follow as written.
    public func pinpoints(_ sections: [String]) -> String {
        let parsed = sections.map { ($0, Self.parse($0)) }
        let family = parsed.lazy.compactMap { $0.1?.0.plural }.first
        let merged = parsed.flatMap { section, parse -> [String] in
            guard let parse, parse.0.plural == family, let items = Self.items(parse.1) else { return [] }
            return items.map { Self.withRanges($0, plural: parse.0.plural == parse.0) }
        }
        guard merged.count > 1, let family else { return sections.map(pinpoint).joined(separator: ", ") }
        let numbers = merged.sorted { Self.naturalOrder($0, $1) }
        var written: [String] = []
        for (index, number) in numbers.enumerated() {
            // A subdivision of the provision just cited is written alone: "4(c), (f)".
            if index > 0, let open = number.firstIndex(of: "("), number.filter({ $0 == "(" }).count == 1,
                numbers[index - 1].hasPrefix(number[..<open] + "(")
            {
                written.append(String(number[open...]))
            } else {
                written.append(number)
            }
        }
        let list = written.dropLast().joined(separator: ", ") + " and " + written[written.count - 1]
        let others = parsed.filter { section, parse in
            guard let parse else { return true }
            return parse.0.plural != family || Self.items(parse.1) == nil
        }.map { pinpoint($0.0) }
        return ([symbol(family) + " " + list] + others).joined(separator: ", ")
    }

    /// The numbers a pinpoint lists ("13, 14 and 15" gives three), or nil when it says more than numbers
    /// ("474.17 (menacing, harassing …)"), which is then cited as written.
    static func items(_ rest: String) -> [String]? {
        let items = rest.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ")
        return items.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) ? items : nil
    }

    /// "4" before "10", "4(c)" before "4(f)".
    static func naturalOrder(_ lhs: String, _ rhs: String) -> Bool {
        func split(_ text: String) -> (Int, String) {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            return (Int(digits) ?? Int.max, String(text.dropFirst(digits.count)))
        }
        let (a, b) = (split(lhs), split(rhs))
        return a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
    }

    enum Kind {
        case section, sections, article, articles, paragraph, paragraphs

        var plural: Kind? {
            switch self {
            case .section, .sections: return .sections
            case .article, .articles: return .articles
            case .paragraph, .paragraphs: return .paragraphs
            }
        }
    }

    /// Longest labels first, so that "Secs." is not read as "Sec.".
    static let labels: [([String], Kind)] = [
        (["Sections", "Secs.", "Sec(s).", "ss.", "ss", "§§"], .sections),
        (["Section", "Sec.", "sec.", "s.", "S.", "§"], .section),
        (["Articles", "Arts.", "arts.", "Arts", "arts"], .articles),
        (["Article", "Art.", "art.", "Art", "art"], .article),
        (["Paragraphs", "Paras.", "paras."], .paragraphs),
        (["Paragraph", "Para.", "para."], .paragraph),
    ]

    func symbol(_ kind: Kind) -> String {
        switch (self, kind) {
        case (.oscola, .section): return "s"
        case (.oscola, .sections): return "ss"
        case (.oscola, .article): return "art"
        case (.oscola, .articles): return "arts"
        case (.oscola, .paragraph): return "para"
        case (.oscola, .paragraphs): return "paras"
        case (.bluebook, .section): return "§"
        case (.bluebook, .sections): return "§§"
        case (.bluebook, .article): return "art."
        case (.bluebook, .articles): return "arts."
        case (.bluebook, .paragraph): return "para."
        case (.bluebook, .paragraphs): return "paras."
        }
    }

    /// The words that introduce an instrument's short form at its first citation.
    func hereafter(_ short: String) -> String {
        switch self {
        case .oscola: return " (hereafter \(short))"
        case .bluebook: return " [hereinafter \(short)]"
        }
    }
}

/// Writes a brief's footnotes in order, as a filing cites: the full title and citation the first time an instrument is
/// cited, its short form after; in the Bluebook, "Id." when a note cites only the instrument the note before it cited
/// alone.
struct FootnoteWriter {
    let style: CitationStyle
    var cited: Set<String> = []
    var previousAlone: String?

    init(style: CitationStyle) { self.style = style }

    /// "Sexual Offences Act 2003 (2003 c. 42), ss 48 and 66B(4) (hereafter SOA 2003); Protection of Children Act 1978
    /// (1978 c. 37), s 1."
    mutating func footnote(_ provisions: [ProvisionView]) -> String {
        var groups: [(key: String, first: ProvisionView, sections: [String])] = []
        for provision in provisions {
            let key = provision.instrument + "\u{0}" + provision.citation
            if let index = groups.firstIndex(where: { $0.key == key }) {
                if !groups[index].sections.contains(provision.section) { groups[index].sections.append(provision.section) }
            } else {
                groups.append((key, provision, [provision.section]))
            }
        }
        defer { previousAlone = groups.count == 1 ? groups[0].key : nil }
        if style == .bluebook, groups.count == 1, groups[0].key == previousAlone {
            return "Id. \(style.pinpoints(groups[0].sections))."
        }
        return groups.map { group in
            let provision = group.first
            let pinpoints = style.pinpoints(group.sections)
            let short = provision.short.flatMap { $0 == provision.instrument ? nil : $0 }
            if cited.insert(group.key).inserted {
                let name =
                    provision.instrument == provision.citation ? provision.citation : "\(provision.instrument) (\(provision.citation))"
                return "\(name), \(pinpoints)" + (short.map(style.hereafter) ?? "")
            }
            return "\(short ?? provision.instrument), \(pinpoints)"
        }.joined(separator: "; ") + "."
    }
}

/// Words as a reader (and a word limit) counts them: runs of letters and digits, with inner apostrophes, hyphens and
/// points ("don't", "anti-money-laundering", "4.5"); punctuation and Markdown syntax are not words.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var previousJoiner = false
        for character in text {
            if character.isLetter || character.isNumber {
                if !inWord { count += 1 }
                inWord = true
                previousJoiner = false
            } else if inWord, !previousJoiner, character == "'" || character == "’" || character == "-" || character == "." {
                previousJoiner = true
            } else {
                inWord = false
                previousJoiner = false
            }
        }
        return count
    }
}
