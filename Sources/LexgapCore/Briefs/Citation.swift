/// How footnotes cite the law: the instrument and a pinpoint in the form the chosen legal citation style uses.
public enum CitationStyle: String, Sendable, CaseIterable {
    /// Oxford University Standard for the Citation of Legal Authorities: "s 72", "ss 7, 13", "art 3(1)(c)".
    case oscola
    /// The Bluebook: "§ 72", "§§ 7, 13", "art. 3(1)(c)".
    case bluebook

    /// The pinpoint of a section as the data writes it ("Sec. 4(c)", "s. 66B(4)", "Arts. 24, 25", "§ 2252A"),
    /// rewritten in this style; a pinpoint whose label is not recognised ("Part 2", "Annex A") is left as written.
    public func pinpoint(_ section: String) -> String {
        let trimmed = section.trimmedOfWhitespace
        for (labels, kind) in Self.labels {
            for label in labels where trimmed.hasPrefix(label) {
                let rest = trimmed.dropFirst(label.count)
                // "Section" must not match "Sections", nor "s." a word that merely starts with s.
                guard let next = rest.first, next == " " || next.isNumber else { continue }
                return "\(symbol(kind)) \(rest.trimmingPrefix(" "))"
            }
        }
        return trimmed
    }

    enum Kind { case section, sections, article, articles, paragraph, paragraphs }

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

    /// A footnote citing provisions, one instrument at a time: "Sexual Offences Act 2003 (2003 c. 42), s 66B(4), s 48;
    /// Protection of Children Act 1978 (1978 c. 37), s 1." Both the title and the official citation are given unless
    /// they are the same.
    public func footnote(_ provisions: [ProvisionView]) -> String {
        var groups: [(name: String, pinpoints: [String])] = []
        for provision in provisions {
            let name = provision.instrument == provision.citation ? provision.citation : "\(provision.instrument) (\(provision.citation))"
            let pinpoint = pinpoint(provision.section)
            if let index = groups.firstIndex(where: { $0.name == name }) {
                if !groups[index].pinpoints.contains(pinpoint) { groups[index].pinpoints.append(pinpoint) }
            } else {
                groups.append((name, [pinpoint]))
            }
        }
        return groups.map { "\($0.name), \($0.pinpoints.joined(separator: ", "))" }.joined(separator: "; ") + "."
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
