/// Reads a weights file:
///
/// ```yaml
/// schema_version: 1
/// categories: {FIN: 3}
/// criteria: {CRIM-VIEWERS: 3, PREV-EDUCATION: 0}
/// ```
/// Weights are whole numbers from 0 (ignore) to 10. Unknown ids are errors with their line and column.
public enum WeightsLoader {
    static let range = 0...10

    public static func load(_ file: SourceFile, checklist: Checklist) -> (Weights?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        var weights: Weights?
        if let root = YAMLParsing.parse(file, into: collector),
            let top = MappingReader(root, what: "the weights file", file: file.path, collector: collector),
            SchemaVersion.check(top, supported: 1) != nil
        {
            top.checkKeys(["schema_version", "categories", "criteria"])
            weights = Weights(
                categories: read(top, "categories", known: checklist.categories.map(\.id), noun: "category", code: .unknownCategory),
                criteria: read(top, "criteria", known: checklist.criteria.map(\.id), noun: "criterion", code: .unknownCriterion),
                source: file.path)
        }
        return (weights, collector.diagnostics.sorted())
    }

    private static func read(_ top: MappingReader, _ key: String, known: [String], noun: String, code: DiagnosticCode) -> [String: Int] {
        guard let section = top.mapping(key, what: "'\(key)'", required: false) else { return [:] }
        var result: [String: Int] = [:]
        for (idNode, _) in section.mapping {
            guard let id = idNode.scalar?.string else {
                top.collector.error(
                    .wrongType, "keys under '\(key)' must be \(noun) ids, found \(idNode.kindDescription)",
                    at: idNode.location(in: top.file, fallback: section.location))
                continue
            }
            guard known.contains(id) else {
                var message = "unknown \(noun) '\(id)'"
                if let suggestion = Suggestion.closest(to: id, among: known) { message += "; did you mean '\(suggestion)'?" }
                top.collector.error(code, message, at: idNode.location(in: top.file, fallback: section.location))
                continue
            }
            if let weight = section.integer(id, in: range) { result[id] = weight }
        }
        return result
    }
}
