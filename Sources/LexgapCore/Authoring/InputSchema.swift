import Foundation

/// JSON Schemas (draft 2020-12) for lexgap's input files, so that an editor with a YAML language server offers
/// completion and inline errors. The jurisdiction and weights schemas carry the checklist's criterion and category ids
/// as their only allowed keys, with each criterion's question as its description.
///
/// The schema catches what a schema can (shape, types, enums, date and URL forms); `lexgap validate` remains the
/// authority (impossible dates, instruments cited but not listed, history order, ...).
public enum InputSchema: String, CaseIterable, Sendable {
    case jurisdiction, checklist, weights

    /// Where the committed schema lives, relative to the repository root.
    public var path: String { "checklists/schemas/\(rawValue).schema.json" }

    public func render(checklist: Checklist) -> String {
        let object: [String: Any]
        switch self {
        case .jurisdiction: object = Self.jurisdiction(checklist)
        case .checklist: object = Self.checklistSchema()
        case .weights: object = Self.weights(checklist)
        }
        // Sorted keys and fixed formatting: the committed schema must be byte-identical when regenerated.
        guard
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static let draft = "https://json-schema.org/draft/2020-12/schema"
    static var date: [String: Any] { ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date, YYYY-MM-DD."] }
    static var url: [String: Any] {
        ["type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$", "description": "An absolute http(s) address."]
    }
    static var text: [String: Any] { ["type": "string", "minLength": 1] }

    static func object(_ properties: [String: Any], required: [String], description: String? = nil) -> [String: Any] {
        var object: [String: Any] = ["type": "object", "properties": properties, "required": required, "additionalProperties": false]
        if let description { object["description"] = description }
        return object
    }

    static func list(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }

    static func jurisdiction(_ checklist: Checklist) -> [String: Any] {
        let provision = object(["instrument": text, "section": text], required: ["instrument", "section"])
        let statusEnum: [String: Any] = [
            "enum": Status.allCases.map(\.rawValue),
            "description": "met, partial, absent, unclear (research needed) or not_applicable; met and partial need provisions.",
        ]
        let amend: [String: Any] = [
            "type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$",
            "description": "For a partial or absent status: the id of the instrument to amend, or 'new' for new legislation.",
        ]
        let stateProperties: [String: Any] = [
            "status": statusEnum, "since": date, "provisions": list(provision),
            "finding": text.merging(["description": "Public text a filing can quote: what the law provides and where it falls short."]) {
                $1
            },
            "note": text.merging([
                "description": "The research note: what was read, what disagrees, what would settle it. Never printed in briefs."
            ]) { $1 },
            "amend": amend,
            "children": object(
                ["status": statusEnum, "finding": text, "amend": amend], required: ["status"],
                description: "For a criterion the checklist marks covers_adults: the law as it applies to children alone."),
        ]
        // A claim about the law needs its provision; a definite answer needs its finding; an unclear one, its note.
        let stateRules: [[String: Any]] = [
            [
                "if": ["properties": ["status": ["enum": ["met", "partial"]]]],
                "then": ["required": ["provisions"], "properties": ["provisions": ["minItems": 1]]],
            ],
            ["if": ["properties": ["status": ["enum": ["met", "partial", "absent"]]]], "then": ["required": ["finding"]]],
            ["if": ["properties": ["status": ["const": "unclear"]]], "then": ["required": ["note"]]],
        ]
        var historyEntry = object(stateProperties, required: ["status"])
        historyEntry["allOf"] = stateRules
        var assessmentProperties = stateProperties
        assessmentProperties["history"] = list(historyEntry)
        var criteria: [String: Any] = [:]
        for criterion in checklist.criteria {
            var assessment = object(assessmentProperties, required: ["status"], description: "\(criterion.title). \(criterion.question)")
            assessment["allOf"] = stateRules
            criteria[criterion.id] = assessment
        }
        let source = object(["title": text, "url": url, "note": text], required: ["title"])
        let instrument = object(
            [
                "id": ["type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$"], "title": text, "short": text, "citation": text,
                "kind": ["enum": Instrument.Kind.allCases.map(\.rawValue)], "enacted": date, "in_force": date,
                "repealed": date, "url": url, "url_unavailable": text, "amended_by": list(text), "note": text,
            ], required: ["id", "title", "citation"])
        let treaty = object(
            [
                "treaty": ["enum": checklist.treaties.map(\.id)], "status": ["enum": ["party", "signatory", "not_party"]],
                "signed": date, "ratified": date, "acceded": date, "succeeded": date, "note": text,
            ], required: ["treaty"])
        var schema = object(
            [
                "schema_version": ["const": Jurisdiction.supportedSchemaVersion],
                "code": [
                    "type": "string", "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
                    "description": "ISO 3166-1 alpha-2, or ISO 3166-2; equals the file name.",
                ],
                "name": text, "region": text, "reviewed": date,
                "name_in_prose": text.merging(["description": "The name as a sentence needs it, with its article: \"the Philippines\"."]) {
                    $1
                }, "summary": text, "note": text,
                "draft": ["type": "boolean", "description": "An unfinished file, kept out of rankings, the site and briefs."],
                "recorded_from": date.merging(["description": "The date from which the file's history is complete."]) { $1 },
                "sources": list(source), "instruments": list(instrument), "treaties": list(treaty),
                "assessments": object(criteria, required: []),
            ],
            required: ["schema_version", "code", "name", "region", "assessments"],
            description: "A jurisdiction assessed against the checklist \"\(checklist.title)\" \(checklist.version).")
        // A draft may leave criteria out; a finished file assesses every one and says when it was reviewed.
        schema["if"] = ["properties": ["draft": ["const": true]], "required": ["draft"]]
        schema["else"] = [
            "required": ["reviewed", "recorded_from"],
            "properties": ["assessments": ["required": checklist.criteria.map(\.id)]],
        ]
        schema["$schema"] = draft
        schema["title"] = "lexgap jurisdiction file"
        return schema
    }

    static func checklistSchema() -> [String: Any] {
        let id: [String: Any] = ["type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$"]
        let weight: [String: Any] = ["type": "integer", "minimum": 1, "maximum": 3]
        var crosswalk: [String: Any] = ["icmec": list(["type": "integer", "minimum": 1, "maximum": 5])]
        for key in Criterion.Crosswalk.treatyKeys { crosswalk[key] = list(text) }
        let criterion = object(
            [
                "id": id, "category": id, "title": text, "question": text, "weight": weight, "why": text,
                "standards": list(text), "recommendation": text,
                "guidance": object(["met": text, "partial": text], required: ["met", "partial"]),
                "gap": object(["absent": text, "partial": text], required: []),
                "covers_adults": ["type": "boolean"],
                "crosswalk": object(crosswalk, required: []),
            ], required: ["id", "category", "title", "question", "weight", "why", "recommendation", "guidance"])
        var schema = object(
            [
                "schema_version": ["const": Checklist.supportedSchemaVersion], "id": id, "version": text, "title": text,
                "sources": list(text), "treaties": list(object(["id": id, "title": text], required: ["id", "title"])),
                "categories": [
                    "type": "array", "minItems": 1,
                    "items": object(["id": id, "title": text, "weight": weight], required: ["id", "title", "weight"]),
                ],
                "criteria": ["type": "array", "minItems": 1, "items": criterion],
                "reporting": [
                    "type": "object",
                    "description": "How criteria are grouped in filed documents (lexgap brief), by framework id.",
                    "additionalProperties": object(
                        [
                            "title": text,
                            "sections": list(object(["title": text, "criteria": list(id)], required: ["title", "criteria"])),
                        ],
                        required: ["title", "sections"]),
                ],
            ], required: ["schema_version", "id", "version", "title", "categories", "criteria"],
            description: "A lexgap checklist: what a complete law must cover.")
        schema["$schema"] = draft
        schema["title"] = "lexgap checklist"
        return schema
    }

    static func weights(_ checklist: Checklist) -> [String: Any] {
        let weight: [String: Any] = ["type": "integer", "minimum": 0, "maximum": 10]
        var categories: [String: Any] = [:]
        for category in checklist.categories { categories[category.id] = weight.merging(["description": category.title]) { $1 } }
        var criteria: [String: Any] = [:]
        for criterion in checklist.criteria { criteria[criterion.id] = weight.merging(["description": criterion.title]) { $1 } }
        var schema = object(
            [
                "schema_version": ["const": 1],
                "categories": object(categories, required: []), "criteria": object(criteria, required: []),
            ], required: ["schema_version"], description: "Weights overriding the checklist's, from 0 (ignore) to 10.")
        schema["$schema"] = draft
        schema["title"] = "lexgap weights file"
        return schema
    }
}
