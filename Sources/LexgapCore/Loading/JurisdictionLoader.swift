/// Builds a `Jurisdiction` from its YAML file, reporting problems of shape, type, dates and internal references.
/// Checks that need the checklist (criterion and treaty ids, unassessed criteria) belong to `Validator`.
public enum JurisdictionLoader {
    static let topKeys = [
        "schema_version", "code", "name", "name_in_prose", "region", "draft", "reviewed", "recorded_from", "summary", "note", "sources",
        "instruments", "treaties", "assessments",
    ]
    static let sourceKeys = ["title", "url", "note"]
    static let instrumentKeys = [
        "id", "title", "short", "citation", "kind", "enacted", "in_force", "repealed", "url", "url_unavailable",
        "amended_by", "note",
    ]
    static let treatyKeys = ["treaty", "status", "signed", "ratified", "acceded", "succeeded", "note"]
    static let stateKeys = ["status", "since", "provisions", "finding", "note", "amend", "children"]
    static let childPartKeys = ["status", "finding", "amend"]
    static let assessmentKeys = stateKeys + ["history"]
    static let provisionKeys = ["instrument", "section"]

    public static func load(_ file: SourceFile) -> (Jurisdiction?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        let jurisdiction = build(file, collector)
        return (jurisdiction, collector.diagnostics.sorted())
    }

    private static func build(_ file: SourceFile, _ collector: DiagnosticCollector) -> Jurisdiction? {
        guard let root = YAMLParsing.parse(file, into: collector),
            let top = MappingReader(root, what: "the jurisdiction", file: file.path, collector: collector)
        else { return nil }
        guard let schemaVersion = SchemaVersion.check(top, supported: Jurisdiction.supportedSchemaVersion) else {
            return nil
        }
        guard schemaVersion == Jurisdiction.supportedSchemaVersion else {
            collector.error(
                .unsupportedSchemaVersion,
                "schema_version \(schemaVersion) is the old format; convert the file to format 2: set 'schema_version: 2' and "
                    + "'recorded_from:' (the date from which its history is complete), give every met, partial or absent state a "
                    + "'finding:' (public text a filing can quote) and keep sources and doubts in 'note:' (see docs/format.md, \"Converting a format 1 file\")",
                at: top.valueLocation("schema_version"))
            return nil
        }
        top.checkKeys(topKeys)
        let draft = top.boolean("draft") ?? false

        let code = top.string("code") ?? ""
        if !code.isEmpty, !JurisdictionCode.isWellFormed(code) {
            collector.error(
                .invalidValue,
                "code '\(code)' is not an ISO 3166 code (two capital letters, or e.g. 'US-CA' for a subdivision)",
                at: top.valueLocation("code"))
        }
        let sources = top.sequence("sources").compactMap { node -> SecondarySource? in
            guard let item = MappingReader(node, what: "source", file: file.path, collector: collector) else { return nil }
            item.checkKeys(sourceKeys)
            return SecondarySource(
                title: item.string("title") ?? "", url: item.url("url"), note: item.string("note", required: false))
        }
        let instruments = top.sequence("instruments").compactMap { instrument($0, file.path, collector) }
        Identifier.reportDuplicates(instruments.map { ($0.id, $0.location) }, noun: "instrument", collector)
        let treaties = top.sequence("treaties").compactMap { treaty($0, file.path, collector) }

        var assessments: [Assessment] = []
        let assessmentsReader = top.mapping("assessments", what: "assessments")
        for (key, value) in assessmentsReader?.mapping.pairs ?? [] {
            let keyLocation = key.location(in: file.path, fallback: assessmentsReader?.location)
            guard let criterion = key.scalar?.string else { continue }  // reported by checkKeys-like handling below
            guard
                let reader = MappingReader(
                    value, what: "assessment of \(criterion)", file: file.path, fallback: keyLocation, collector: collector)
            else { continue }
            reader.checkKeys(assessmentKeys)
            let current = state(reader, file.path, collector)
            let history = reader.sequence("history").enumerated().compactMap { index, node -> AssessmentState? in
                guard let item = MappingReader(node, what: "history entry of \(criterion)", file: file.path, collector: collector)
                else { return nil }
                item.checkKeys(stateKeys)
                let entry = state(item, file.path, collector)
                // The first state may hold from the start of the record; every later one says when it began.
                if index > 0, entry.since == nil, item.value("since") == nil {
                    collector.error(.missingKey, "history entry of \(criterion) is missing required key 'since'", at: item.location)
                }
                return entry
            }
            if !history.isEmpty, current.since == nil, reader.value("since") == nil {
                collector.error(
                    .missingKey, "assessment of \(criterion) has a history, so it needs 'since': the date its current status took effect",
                    at: reader.location)
            }
            checkChronology(current: current, history: history, criterion: criterion, collector)
            assessments.append(Assessment(criterion: criterion, location: keyLocation, current: current, history: history))
        }
        if let assessmentsReader {
            for (key, _) in assessmentsReader.mapping where key.scalar == nil {
                collector.error(.wrongType, "criterion ids under 'assessments' must be plain words", at: key.location(in: file.path))
            }
        }

        let jurisdiction = Jurisdiction(
            file: file.path,
            schemaVersion: schemaVersion,
            code: code,
            codeLocation: top.valueLocation("code"),
            name: top.string("name") ?? "",
            proseName: top.string("name_in_prose", required: false),
            region: top.string("region") ?? "",
            draft: draft,
            reviewed: top.date("reviewed", required: !draft),
            recordedFrom: top.date("recorded_from", required: !draft),
            recordedFromLocation: top.valueLocation("recorded_from"),
            summary: top.string("summary", required: false),
            summaryLocation: top.valueLocation("summary"),
            note: top.string("note", required: false),
            sources: sources,
            instruments: instruments,
            treaties: treaties,
            assessments: assessments,
            assessmentsLocation: assessmentsReader?.location ?? top.location,
            hasAssessments: assessmentsReader != nil)
        checkReferencesToInstruments(jurisdiction, collector)
        return jurisdiction
    }

    private static func instrument(_ node: Node, _ file: String, _ collector: DiagnosticCollector) -> Instrument? {
        guard let item = MappingReader(node, what: "instrument", file: file, collector: collector) else { return nil }
        item.checkKeys(instrumentKeys)
        guard let id = Identifier.read("id", in: item) else { return nil }
        item.warnSplitEntries("amended_by")
        let instrument = Instrument(
            .init(
                id: id,
                title: item.string("title") ?? "",
                short: item.string("short", required: false),
                citation: item.string("citation") ?? "",
                kind: item.choice("kind", as: Instrument.Kind.self, required: false),
                enacted: item.date("enacted"),
                inForce: item.date("in_force"),
                repealed: item.date("repealed"),
                url: item.url("url"),
                urlUnavailable: item.string("url_unavailable", required: false),
                amendedBy: item.strings("amended_by"),
                note: item.string("note", required: false),
                location: item.location,
                urlLocation: item.value("url").map { _ in item.valueLocation("url") },
                inForceLocation: item.value("in_force").map { _ in item.valueLocation("in_force") },
                repealedLocation: item.value("repealed").map { _ in item.valueLocation("repealed") }))
        if instrument.url != nil, item.value("url_unavailable") != nil {
            collector.warning(
                .invalidValue, "instrument \(id) gives both 'url' and 'url_unavailable'; keep the one that is true",
                at: item.locationOf("url_unavailable"))
        }
        if let enacted = instrument.enacted, let inForce = instrument.inForce, inForce < enacted {
            collector.error(
                .dateOrder, "instrument \(id) is in force (\(inForce)) before it was enacted (\(enacted))",
                at: item.valueLocation("in_force"))
        }
        if let repealed = instrument.repealed, let start = instrument.inForce ?? instrument.enacted, repealed < start {
            collector.error(
                .dateOrder, "instrument \(id) is repealed (\(repealed)) before it took effect (\(start))",
                at: item.valueLocation("repealed"))
        }
        return instrument
    }

    private static func treaty(_ node: Node, _ file: String, _ collector: DiagnosticCollector) -> TreatyParticipation? {
        guard let item = MappingReader(node, what: "treaty", file: file, collector: collector) else { return nil }
        item.checkKeys(treatyKeys)
        guard let id = Identifier.read("treaty", in: item) else { return nil }
        let consents = TreatyParticipation.Consent.allCases.compactMap { kind -> (TreatyParticipation.Consent, LegalDate)? in
            item.date(kind.rawValue).map { (kind, $0) }
        }
        if consents.count > 1 {
            collector.error(
                .invalidValue, "treaty \(id) gives more than one of ratified, acceded and succeeded",
                at: item.locationOf(consents[1].0.rawValue))
        }
        let signed = item.date("signed")
        let consent = consents.first.map { (kind: $0.0, date: $0.1) }
        let derived: TreatyParticipation.Standing? = consent != nil ? .party : signed != nil ? .signatory : nil
        var standing = item.choice("status", as: TreatyParticipation.Standing.self, required: false)
        if standing == nil, item.value("status") == nil {
            if derived == nil, ["signed", "ratified", "acceded", "succeeded"].allSatisfy({ item.value($0) == nil }) {
                collector.error(
                    .missingKey,
                    "treaty \(id) needs a status (party, signatory, not_party) or a date signed, ratified, acceded or succeeded",
                    at: item.location)
            }
            standing = derived
        } else if let stated = standing, let derived, stated != derived, !(stated == .party && derived == .signatory) {
            collector.error(
                .invalidValue, "treaty \(id) has status '\(stated.rawValue)' but its dates make it \(derived.rawValue)",
                at: item.valueLocation("status"))
        }
        return TreatyParticipation(
            treaty: id, standing: standing ?? .notParty, signed: signed, consent: consent,
            note: item.string("note", required: false), location: item.location, treatyLocation: item.valueLocation("treaty"))
    }

    private static func state(_ item: MappingReader, _ file: String, _ collector: DiagnosticCollector) -> AssessmentState {
        let status = item.choice("status", as: Status.self, code: .unknownStatus, noun: "status")
        let provisions = item.sequence("provisions").compactMap { node -> Provision? in
            guard let provision = MappingReader(node, what: "provision", file: file, collector: collector) else { return nil }
            provision.checkKeys(provisionKeys)
            guard let instrument = provision.string("instrument") else { return nil }
            return Provision(
                instrument: instrument, section: provision.string("section") ?? "", location: provision.location,
                instrumentLocation: provision.valueLocation("instrument"))
        }
        // A `provisions` value of the wrong type is already reported; do not add a second error for it.
        let provisionsMalformed = item.value("provisions").map { $0.sequence == nil && !($0.scalar?.isNull ?? false) } ?? false
        // A misspelt `provisions:` or `finding:` is reported as an unknown key, with the right spelling; the missing
        // key it causes is not reported again.
        if let status, status.needsProvision, provisions.isEmpty, !provisionsMalformed, !item.isMisspelt("provisions", known: stateKeys) {
            collector.error(
                .missingProvision,
                "status '\(status.rawValue)' needs at least one provision (instrument and section) that supports it",
                at: item.valueLocation("status"))
        }
        let finding = item.string("finding", required: false)
        if let status, status.needsFinding, finding == nil, item.value("finding") == nil, !item.isMisspelt("finding", known: stateKeys) {
            collector.error(
                .missingKey,
                "status '\(status.rawValue)' needs a 'finding': what the law provides and where it falls short, in words a filing can quote",
                at: item.valueLocation("status"))
        }
        let note = item.string("note", required: false)
        if status == .unclear, note == nil, item.value("note") == nil {
            collector.warning(
                .missingKey, "status 'unclear' needs a research 'note' saying what would settle it", at: item.valueLocation("status"))
        }
        return AssessmentState(
            status: status ?? .unclear,
            since: item.date("since"),
            provisions: provisions,
            finding: finding ?? "",
            note: note ?? "",
            amend: reformTarget(item, status: status),
            children: item.mapping("children", what: "children", required: false).map { childPart($0, collector) },
            location: item.location,
            statusLocation: item.valueLocation("status"),
            sinceLocation: item.value("since") == nil ? nil : item.valueLocation("since"),
            findingLocation: item.value("finding") == nil ? nil : item.valueLocation("finding"),
            noteLocation: item.value("note") == nil ? nil : item.valueLocation("note"),
            amendLocation: item.value("amend") == nil ? nil : item.valueLocation("amend"))
    }

    /// `amend:`, the law a gap calls to change.
    private static func reformTarget(_ item: MappingReader, status: Status?) -> ReformTarget? {
        guard let target = item.string("amend", required: false) else { return nil }
        if let status, status != .partial, status != .absent {
            item.collector.warning(
                .invalidValue, "'amend' names the law to change for a gap, but this status is '\(status.rawValue)'",
                at: item.locationOf("amend"))
        }
        return target == "new" ? .newLegislation : .amend(instrument: target)
    }

    /// `children:`, the law as it applies to children alone. It names no provisions of its own: it reads the
    /// state's, so it needs a finding whenever its status is definite.
    private static func childPart(_ item: MappingReader, _ collector: DiagnosticCollector) -> ChildPart {
        item.checkKeys(childPartKeys)
        let status = item.choice("status", as: Status.self, code: .unknownStatus, noun: "status")
        let finding = item.string("finding", required: false)
        if let status, status.needsFinding, finding == nil, item.value("finding") == nil {
            collector.error(
                .missingKey,
                "the child part's status '\(status.rawValue)' needs a 'finding': what the law provides for children and where it falls short",
                at: item.valueLocation("status"))
        }
        return ChildPart(
            status: status ?? .unclear, finding: finding ?? "", amend: reformTarget(item, status: status), location: item.location,
            amendLocation: item.value("amend") == nil ? nil : item.valueLocation("amend"))
    }

    /// History is oldest first, and the current state comes after all of it.
    private static func checkChronology(
        current: AssessmentState, history: [AssessmentState], criterion: String, _ collector: DiagnosticCollector
    ) {
        var previous: LegalDate?
        for (index, entry) in (history + [current]).enumerated() {
            guard let since = entry.since, let location = entry.sinceLocation else { continue }
            if let previous, since <= previous {
                let isCurrent = index == history.count
                collector.error(
                    .historyOrder,
                    isCurrent
                        ? "current status of \(criterion) takes effect \(since), not after its last history entry (\(previous)); history lists earlier states, oldest first"
                        : "history of \(criterion) is out of order: \(since) comes after \(previous); list entries oldest first",
                    at: location)
            }
            previous = since
        }
    }

    /// Provisions and `amend` targets name instruments the file lists.
    private static func checkReferencesToInstruments(_ jurisdiction: Jurisdiction, _ collector: DiagnosticCollector) {
        let ids = jurisdiction.instruments.map(\.id)
        func check(_ id: String, at location: SourceLocation, extra: String = "") {
            guard !ids.contains(id) else { return }
            var message = "unknown instrument '\(id)'"
            if let suggestion = Suggestion.closest(to: id, among: ids) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (list it under 'instruments'\(extra))"
            }
            collector.error(.unknownInstrument, message, at: location)
        }
        for assessment in jurisdiction.assessments {
            for state in assessment.timeline {
                for provision in state.provisions { check(provision.instrument, at: provision.instrumentLocation) }
                for (amend, location) in [(state.amend, state.amendLocation), (state.children?.amend, state.children?.amendLocation)] {
                    if case .amend(let id)? = amend, let location {
                        check(id, at: location, extra: ", or write 'new' when new legislation is needed")
                    }
                }
            }
        }
    }
}

/// The shape of jurisdiction codes: ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision suffix.
public enum JurisdictionCode {
    public static func isWellFormed(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 2,
            parts[0].unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) })
        else { return false }
        if parts.count == 2 {
            let subdivision = parts[1]
            return (1...3).contains(subdivision.count)
                && subdivision.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
        return true
    }
}
