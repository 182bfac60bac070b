import Foundation

/// Reads one YAML mapping of an input file against the keys the format defines.
///
/// Every problem becomes a located diagnostic, and an accessor that meets a bad value reports it and returns nil.
/// Unknown keys are reported (with a suggestion), never ignored.
struct MappingReader {
    let mapping: Node.Mapping
    /// The mapping's plain keys, in order (nil for a key that is not a scalar), looked up instead of the nodes:
    /// walking the nodes copies each one, which was a sixth of the loading time.
    let keys: [String?]
    /// What the mapping is, for messages: "assessment", "instrument".
    let what: String
    let location: SourceLocation
    let collector: DiagnosticCollector

    /// Reports `wrong-type` and returns nil when `node` is not a mapping.
    init?(_ node: Node, what: String, file: String, fallback: SourceLocation? = nil, collector: DiagnosticCollector) {
        let location = node.location(in: file, fallback: fallback)
        guard case .mapping(let mapping) = node else {
            collector.error(.wrongType, "expected \(what) to be a mapping of keys to values, found \(node.kindDescription)", at: location)
            return nil
        }
        self.mapping = mapping
        keys = mapping.map { pair in
            if case .scalar(let scalar) = pair.key { return scalar.string }
            return nil
        }
        self.what = what
        self.location = location
        self.collector = collector
    }

    var file: String { location.file }

    /// The keys the format defines here, once `checkKeys` has been told them.
    final class KnownKeys: @unchecked Sendable { var keys: [String] = [] }
    let known = KnownKeys()

    /// A required key is missing, unless a misspelling of it was already reported (the cause, not its consequence).
    func reportMissing(_ key: String) {
        guard !isMisspelt(key, known: known.keys) else { return }
        collector.error(.missingKey, "\(what) is missing required key '\(key)'", at: location)
    }

    /// Whether an unknown key of this mapping is a misspelling of `key` (the closest known key to it): the missing
    /// key is then a consequence of the misspelling, already reported, and not reported again.
    func isMisspelt(_ key: String, known: [String]) -> Bool {
        keys.contains { name in
            guard let name, !known.contains(name) else { return false }
            return Suggestion.closest(to: name, among: known) == key
        }
    }

    /// Reports every key that is not in `known`, suggesting the closest known key.
    func checkKeys(_ known: [String]) {
        self.known.keys = known
        for (key, _) in mapping {
            guard let name = key.scalar?.string else {
                collector.error(
                    .wrongType, "keys of \(what) must be plain words, found \(key.kindDescription)",
                    at: key.location(in: file, fallback: location))
                continue
            }
            if known.contains(name) { continue }
            var message = "unknown key '\(name)' in \(what)"
            if let suggestion = Suggestion.closest(to: name, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (expected one of: \(known.joined(separator: ", ")))"
            }
            collector.error(.unknownKey, message, at: key.location(in: file, fallback: location))
        }
    }

    /// The key node and value node of `key`, if present.
    func entry(_ key: String) -> (key: Node, value: Node)? {
        guard let offset = keys.firstIndex(of: key) else { return nil }
        return mapping[mapping.index(mapping.startIndex, offsetBy: offset)]
    }

    func value(_ key: String) -> Node? { entry(key)?.value }

    func locationOf(_ key: String) -> SourceLocation {
        entry(key)?.key.location(in: file, fallback: location) ?? location
    }

    func valueLocation(_ key: String) -> SourceLocation {
        guard let entry = entry(key) else { return location }
        return entry.value.location(in: file, fallback: entry.key.location(in: file, fallback: location))
    }

    // MARK: - Scalars

    /// A text value; nil (after reporting) when absent but required, or not a scalar.
    func string(_ key: String, required: Bool = true) -> String? {
        guard let entry = entry(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .scalar(let scalar) = entry.value else {
            collector.error(
                .wrongType, "expected text for '\(key)', found \(entry.value.kindDescription)",
                at: entry.value.location(in: file, fallback: location))
            return nil
        }
        if scalar.isNull {
            if required {
                collector.error(.missingKey, "'\(key)' has no value", at: entry.key.location(in: file, fallback: location))
            }
            return nil
        }
        let text = scalar.string.trimmedOfWhitespace
        if text.isEmpty, required {
            collector.error(.missingKey, "'\(key)' is empty", at: entry.value.location(in: file, fallback: location))
            return nil
        }
        guard checkText(text, key, at: entry.value.location(in: file, fallback: location)) else { return nil }
        return text
    }

    /// Text that would display as something it is not is refused: invisible characters, and control characters
    /// (a terminal escape sequence in a name would recolour or rewrite the screen of whoever lists it).
    func checkText(_ text: String, _ key: String, at location: SourceLocation) -> Bool {
        // Every character `isDeceptive` matches is encoded in UTF-8 with a lead byte of 0xE2 or 0xEF; every control
        // character is below 0x20, or 0x7F, or 0xC2 0x80–0x9F. One pass over the bytes clears ordinary text.
        guard Self.mayHoldSuspect(text) else { return true }
        if let hidden = text.unicodeScalars.first(where: Self.isDeceptive) {
            collector.error(
                .invalidValue,
                "'\(key)' contains the invisible character U+\(Self.hex(hidden)), which can make text display as something it is not; delete it",
                at: location)
            return false
        }
        if let control = text.unicodeScalars.first(where: Self.isControl) {
            collector.error(
                .invalidValue, "'\(key)' contains the control character U+\(Self.hex(control)); delete it", at: location)
            return false
        }
        return true
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// C0 and C1 controls and DEL; tabs and line breaks are text.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// Whether the text holds the UTF-8 encoding of a control or deceptive character; most text holds none.
    static func mayHoldSuspect(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x0A && byte != 0x09 && byte != 0x0D { return true }
                    continue
                }
                guard byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF else { continue }
                // Only the sequences of the characters looked for count: "§" (C2 A7) and "–" (E2 80 93), common in
                // legal text, would otherwise send every citation to the slow check.
                let second = index + 1 < bytes.count ? bytes[index + 1] : 0
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                switch byte {
                case 0x7F: return true
                case 0xC2 where (0x80...0x9F).contains(second): return true
                case 0xE2 where second == 0x80 && (third == 0x8B || (0xAA...0xAE).contains(third)): return true
                case 0xE2 where second == 0x81 && (third == 0xA0 || (0xA6...0xA9).contains(third)): return true
                case 0xEF where second == 0xBB && third == 0xBF: return true
                default: continue
                }
            }
            return false
        }
    }

    /// Direction overrides and isolates (the "Trojan Source" characters) and zero-width spaces: invisible, and able
    /// to make a citation read differently from what it is. Right-to-left text itself, and the zero-width joiners
    /// that Indic and Arabic scripts need, are fine.
    static func isDeceptive(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200B, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// `true` or `false`.
    func boolean(_ key: String) -> Bool? {
        guard let text = string(key, required: false) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            collector.error(.wrongType, "expected true or false for '\(key)', found '\(text)'", at: valueLocation(key))
            return nil
        }
    }

    /// An integer value within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        let at = valueLocation(key)
        guard let number = Int(text) else {
            let isNumeric = !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "-" || $0 == "+" }
            collector.error(
                isNumeric ? .invalidValue : .wrongType,
                isNumeric ? "'\(key)' is too large: \(text)" : "expected a whole number for '\(key)', found '\(text)'",
                at: at)
            return nil
        }
        guard range.contains(number) else {
            let expected =
                range.upperBound == Int.max ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
            collector.error(.invalidValue, "'\(key)' must be \(expected), found \(number)", at: at)
            return nil
        }
        return number
    }

    /// A calendar date written `YYYY-MM-DD`.
    func date(_ key: String, required: Bool = false) -> LegalDate? {
        guard let text = string(key, required: required) else { return nil }
        switch LegalDate.parse(text) {
        case .success(let date): return date
        case .failure(let problem):
            collector.error(.invalidDate, "\(problem.message(for: text)) for '\(key)'", at: valueLocation(key))
            return nil
        }
    }

    /// An absolute http(s) URL.
    func url(_ key: String) -> String? {
        guard let text = string(key, required: false) else { return nil }
        guard WebAddress.isHTTP(text) else {
            collector.error(
                .invalidURL, "'\(key)' must be an absolute http:// or https:// address, found '\(text)'", at: valueLocation(key))
            return nil
        }
        return text
    }

    /// A value from a closed set, reported with the expected values when unknown.
    func choice<Value: RawRepresentable & CaseIterable>(
        _ key: String, as type: Value.Type, code: DiagnosticCode = .invalidValue, noun: String? = nil,
        required: Bool = true
    ) -> Value? where Value.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let expected = Value.allCases.map(\.rawValue)
        collector.error(
            code, "unknown \(noun ?? key) '\(text)' (expected one of: \(expected.joined(separator: ", ")))",
            at: valueLocation(key))
        return nil
    }

    // MARK: - Collections

    /// The items of a sequence value; an absent optional key gives an empty list.
    func sequence(_ key: String, required: Bool = false) -> [Node] {
        guard let entry = entry(key) else {
            if required { reportMissing(key) }
            return []
        }
        switch entry.value {
        case .sequence(let sequence):
            if required, sequence.isEmpty {
                collector.error(.missingKey, "'\(key)' is empty", at: entry.value.location(in: file, fallback: location))
            }
            return Array(sequence)
        case .scalar(let scalar) where scalar.isNull:
            if required { collector.error(.missingKey, "'\(key)' has no value", at: entry.key.location(in: file, fallback: location)) }
            return []
        default:
            collector.error(
                .wrongType, "expected a list for '\(key)', found \(entry.value.kindDescription)",
                at: entry.value.location(in: file, fallback: location))
            return []
        }
    }

    /// The value of `key` as a mapping reader.
    func mapping(_ key: String, what: String, required: Bool = true) -> MappingReader? {
        guard let entry = entry(key) else {
            if required { reportMissing(key) }
            return nil
        }
        return MappingReader(entry.value, what: what, file: file, fallback: locationOf(key), collector: collector)
    }

    /// In a list written `[a, b]`, every comma separates entries, even one inside parentheses or a title
    /// ("Act, 2019"): an unquoted entry that starts in lower case, with a digit or with "No.", or that follows one
    /// with an unclosed parenthesis, is almost always the tail of the entry before it.
    func warnSplitEntries(_ key: String) {
        guard case .sequence(let sequence)? = value(key) else { return }
        for (previous, item) in zip(sequence.nodes, sequence.nodes.dropFirst()) {
            guard case .scalar(let before) = previous, case .scalar(let scalar) = item, scalar.isPlain,
                scalar.mark.line == before.mark.line
            else { continue }
            let text = scalar.string
            let tail =
                text.first.map { $0.isLowercase || $0.isNumber } == true || text.hasPrefix("No. ")
                || before.string.filter { $0 == "(" }.count > before.string.filter { $0 == ")" }.count
            guard tail else { continue }
            collector.warning(
                .splitEntry,
                "'\(text)' reads as the end of the entry before it in '\(key)': in a [ ] list every comma starts a new entry; put each entry on its own line (- \"...\") and quote one that contains a comma",
                at: item.location(in: file, fallback: location))
        }
    }

    /// A list of text values (a single text value is accepted as a list of one).
    func strings(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        if case .scalar(let scalar) = value {
            guard !scalar.isNull, checkText(scalar.string, key, at: value.location(in: file, fallback: location)) else { return [] }
            return [scalar.string]
        }
        return sequence(key).compactMap { item in
            guard case .scalar(let scalar) = item, !scalar.isNull else {
                collector.error(
                    .wrongType, "expected text in the list '\(key)', found \(item.kindDescription)",
                    at: item.location(in: file, fallback: location))
                return nil
            }
            guard checkText(scalar.string, key, at: item.location(in: file, fallback: location)) else { return nil }
            return scalar.string
        }
    }
}

extension Node {
    func location(in file: String, fallback: SourceLocation? = nil) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// How a user would describe this node in an error message.
    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.isNull { return "nothing" }
            let text = scalar.string
            return text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
        }
    }
}

extension Node.Scalar {
    /// A plain `~`, `null` or empty value: YAML's null, which the basic resolver leaves as a string.
    var isNull: Bool {
        guard isPlain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(string)
    }
}

extension String {
    /// Whether `needle` occurs in the text, as UTF-8 bytes: Foundation's `contains` goes through NSString and was a
    /// quarter of `validate`.
    func containsBytes(_ needle: String) -> Bool {
        var (text, needle) = (self, needle)
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
                }
                return false
            }
        }
    }

    /// The string without leading and trailing white space (as `trimmingCharacters(in: .whitespacesAndNewlines)`,
    /// which goes through NSString and UTF-16 and was a third of the loading time).
    var trimmedOfWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
        }
        if !isSpace(first), !isSpace(last) { return self }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
