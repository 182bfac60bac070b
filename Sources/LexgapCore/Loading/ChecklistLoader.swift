/// Builds a `Checklist` from its YAML file, reporting every problem of shape, type and internal consistency.
public enum ChecklistLoader {
    static let topKeys = ["schema_version", "id", "version", "title", "sources", "treaties", "categories", "criteria", "reporting"]
    static let categoryKeys = ["id", "title", "weight"]
    static let treatyKeys = ["id", "title"]
    static let criterionKeys = [
        "id", "category", "title", "question", "weight", "why", "standards", "recommendation", "guidance", "crosswalk",
        "gap", "covers_adults",
    ]
    static let guidanceKeys = ["met", "partial"]
    static let gapKeys = ["absent", "partial"]

    public static func load(_ file: SourceFile) -> (Checklist?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        let checklist = build(file, collector)
        return (checklist, collector.diagnostics.sorted())
    }

    private static func build(_ file: SourceFile, _ collector: DiagnosticCollector) -> Checklist? {
        guard let root = YAMLParsing.parse(file, into: collector),
            let top = MappingReader(root, what: "the checklist", file: file.path, collector: collector)
        else { return nil }
        guard let schemaVersion = SchemaVersion.check(top, supported: Checklist.supportedSchemaVersion) else {
            return nil
        }
        top.checkKeys(topKeys)

        let treaties = top.sequence("treaties").compactMap { node -> Treaty? in
            guard let item = MappingReader(node, what: "treaty", file: file.path, collector: collector) else { return nil }
            item.checkKeys(treatyKeys)
            guard let id = Identifier.read("id", in: item) else { return nil }
            return Treaty(id: id, title: item.string("title") ?? "", location: item.location)
        }
        let categories = top.sequence("categories", required: true).compactMap { node -> Category? in
            guard let item = MappingReader(node, what: "category", file: file.path, collector: collector) else { return nil }
            item.checkKeys(categoryKeys)
            guard let id = Identifier.read("id", in: item) else { return nil }
            return Category(
                id: id, title: item.string("title") ?? "", weight: item.integer("weight", in: 1...3) ?? 1,
                location: item.location)
        }
        let criteria = top.sequence("criteria", required: true).compactMap { node -> Criterion? in
            guard let item = MappingReader(node, what: "criterion", file: file.path, collector: collector) else { return nil }
            item.checkKeys(criterionKeys)
            guard let id = Identifier.read("id", in: item) else { return nil }
            let guidance = item.mapping("guidance", what: "guidance")
            guidance?.checkKeys(guidanceKeys)
            let gap = item.mapping("gap", what: "gap", required: false)
            gap?.checkKeys(gapKeys)
            return Criterion(
                .init(
                    id: id,
                    category: item.string("category") ?? "",
                    title: item.string("title") ?? "",
                    question: item.string("question") ?? "",
                    weight: item.integer("weight", in: 1...3) ?? 1,
                    why: item.string("why") ?? "",
                    standards: item.strings("standards"),
                    recommendation: item.string("recommendation") ?? "",
                    guidance: .init(met: guidance?.string("met") ?? "", partial: guidance?.string("partial") ?? ""),
                    crosswalk: crosswalk(item),
                    gap: .init(
                        absent: gap?.string("absent", required: false) ?? "", partial: gap?.string("partial", required: false) ?? ""),
                    coversAdults: item.boolean("covers_adults") ?? false,
                    location: item.location,
                    categoryLocation: item.valueLocation("category")))
        }

        Identifier.reportDuplicates(treaties.map { ($0.id, $0.location) }, noun: "treaty", collector)
        Identifier.reportDuplicates(categories.map { ($0.id, $0.location) }, noun: "category", collector)
        Identifier.reportDuplicates(criteria.map { ($0.id, $0.location) }, noun: "criterion", collector)
        let categoryIDs = categories.map(\.id)
        for criterion in criteria where !criterion.category.isEmpty && !categoryIDs.contains(criterion.category) {
            var message = "unknown category '\(criterion.category)'"
            if let suggestion = Suggestion.closest(to: criterion.category, among: categoryIDs) {
                message += "; did you mean '\(suggestion)'?"
            }
            collector.error(.unknownCategory, message, at: criterion.categoryLocation)
        }

        return Checklist(
            file: file.path,
            schemaVersion: schemaVersion,
            id: top.string("id") ?? "",
            version: top.string("version") ?? "",
            title: top.string("title") ?? "",
            sources: top.strings("sources"),
            treaties: treaties,
            categories: categories,
            criteria: criteria,
            reporting: reporting(top, criteria: criteria.map(\.id), file: file.path))
    }

    /// `reporting: {FRAMEWORK: {title, sections: [{title, criteria: [ID]}]}}`; every id must be a criterion.
    static func reporting(_ top: MappingReader, criteria known: [String], file: String) -> [ReportingFramework] {
        guard let section = top.mapping("reporting", what: "'reporting'", required: false) else { return [] }
        return section.mapping.compactMap { key, value -> ReportingFramework? in
            guard let id = key.scalar?.string, Identifier.isValid(id) else {
                top.collector.error(
                    .invalidValue, "reporting frameworks are named by plain ids", at: key.location(in: file, fallback: section.location))
                return nil
            }
            guard let framework = MappingReader(value, what: "reporting framework '\(id)'", file: file, collector: top.collector) else {
                return nil
            }
            framework.checkKeys(["title", "sections"])
            let sections = framework.sequence("sections", required: true).compactMap { node -> ReportingFramework.Section? in
                guard let item = MappingReader(node, what: "reporting section", file: file, collector: top.collector) else { return nil }
                item.checkKeys(["title", "criteria"])
                let ids = item.strings("criteria")
                for unknown in ids where !known.contains(unknown) {
                    var message = "unknown criterion '\(unknown)'"
                    if let suggestion = Suggestion.closest(to: unknown, among: known) { message += "; did you mean '\(suggestion)'?" }
                    top.collector.error(.unknownCriterion, message, at: item.valueLocation("criteria"))
                }
                return ReportingFramework.Section(title: item.string("title") ?? "", criteria: ids.filter(known.contains))
            }
            return ReportingFramework(id: id, title: framework.string("title") ?? "", sections: sections)
        }
    }
}

extension ChecklistLoader {
    static func crosswalk(_ item: MappingReader) -> Criterion.Crosswalk {
        var crosswalk = Criterion.Crosswalk()
        guard let reader = item.mapping("crosswalk", what: "crosswalk", required: false) else { return crosswalk }
        reader.checkKeys(["icmec"] + Criterion.Crosswalk.treatyKeys)
        for text in reader.strings("icmec") {
            if let core = Int(text), (1...5).contains(core) {
                crosswalk.icmec.append(core)
            } else {
                item.collector.error(
                    .invalidValue, "ICMEC core criteria are numbered 1 to 5, found '\(text)'", at: reader.valueLocation("icmec"))
            }
        }
        for key in Criterion.Crosswalk.treatyKeys where reader.value(key) != nil {
            crosswalk.articles[key] = reader.strings(key)
        }
        return crosswalk
    }
}

/// The `schema_version` every data file starts with, checked before anything else is read so that a file written
/// for a newer lexgap gets one clear message instead of a cascade of unknown keys.
enum SchemaVersion {
    static func check(_ top: MappingReader, supported: Int) -> Int? {
        guard let version = top.integer("schema_version", in: 1...Int.max) else { return nil }
        guard version <= supported else {
            top.collector.error(
                .unsupportedSchemaVersion,
                "schema_version \(version) is newer than this lexgap supports (\(supported)); update lexgap",
                at: top.valueLocation("schema_version"))
            return nil
        }
        return version
    }
}

/// Ids of criteria, categories, instruments and treaties: letters, digits and `-_.`, so they are safe in file
/// names, URLs and CSV cells.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy { $0.isASCII && (ASCII.isAlphanumeric($0) || "-_.".unicodeScalars.contains($0)) }
    }

    static func read(_ key: String, in item: MappingReader) -> String? {
        guard let id = item.string(key) else { return nil }
        guard isValid(id) else {
            item.collector.error(
                .invalidValue, "'\(key)' must be 1 to 64 ASCII letters, digits, '-', '_' or '.', found '\(id)'",
                at: item.valueLocation(key))
            return nil
        }
        return id
    }

    static func reportDuplicates(_ ids: [(String, SourceLocation)], noun: String, _ collector: DiagnosticCollector) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in ids {
            if let original = first[id] {
                collector.error(
                    .duplicateID, "\(noun) '\(id)' is defined more than once", at: location,
                    notes: [.init("first defined here", at: original)])
            } else {
                first[id] = location
            }
        }
    }
}

enum ASCII {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
