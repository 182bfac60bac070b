/// A criterion a jurisdiction does not fully meet, with the reform that would close it and the peers whose law
/// already meets it.
public struct Gap: Sendable {
    public struct Peer: Sendable {
        public var code: String
        public var name: String
        /// The provisions that meet the criterion there.
        public var provisions: [CitedProvision]
    }

    public var criterion: Criterion
    public var status: Status
    public var weight: Int
    /// Points the overall score would gain if the criterion were met.
    public var gain: Double
    /// The reading the gap comes from: finding, research note, reform target, basis.
    public var reading: Reading
    /// Peers that meet the criterion, in the order they were given (at most the limit asked for).
    public var peers: [Peer]
    /// How many peers meet it in all.
    public var peerCount: Int
    /// `unclear`: the law may already be adequate; research must settle it first.
    public var needsResearch: Bool { status == .unclear }

    /// The gap as a report on children's rights states it: where the criterion also protects adults and the file
    /// gives the child part, that part (nil when the law meets it for children); otherwise the gap itself.
    public var forChildren: Gap? {
        guard let child = reading.children else { return self }
        guard child.status != .met, child.status != .notApplicable else { return nil }
        var gap = self
        gap.status = child.status
        gap.reading.status = child.status
        gap.reading.finding = child.finding
        if let amend = child.amend {
            gap.reading.amend = amend
            gap.reading.amendInstrument = reading.childrenAmendInstrument
        }
        return gap
    }

    /// The checklist's recommendation, first sentence, as it follows "to": "criminalise simple possession of …".
    public var recommendedMeasure: String { criterion.recommendation.firstSentence.lowercasedFirst }

    /// The reform, naming the law to change only when the file says which: "amend the Extradition Law (P.D. No.
    /// 1069) to …", "adopt legislation to …", else "adopt or amend legislation to …". Never a guess. A treaty
    /// to join ("ratify …") is asked for as it stands.
    public var reform: String { reform(naming: Gap.theName(of:)) }

    /// The reform, naming the law to amend as `name` gives it (a brief names it in full once, then by its short form).
    func reform(naming name: (Instrument) -> String) -> String {
        // Joining a treaty is an act of the State, not of its legislature.
        if recommendedMeasure.hasPrefix("ratify") || recommendedMeasure.hasPrefix("accede") { return recommendedMeasure }
        if reading.amend == .newLegislation { return "adopt legislation to \(recommendedMeasure)" }
        if let instrument = reading.amendInstrument { return "amend \(name(instrument)) to \(recommendedMeasure)" }
        return "adopt or amend legislation to \(recommendedMeasure)"
    }

    /// "the Anti-Trafficking in Persons Act (RA 9208)": the title with its short form, with "the" unless the title
    /// already starts with an article.
    static func theName(of instrument: Instrument) -> String {
        let name = instrument.fullName
        return name.hasPrefix("The ") || name.hasPrefix("the ") ? name : "the " + name
    }

    /// For each criterion (by its position in the checklist), the jurisdictions whose law meets it, in the order of
    /// the cards given. Built once for a whole data set, so that listing every jurisdiction's gaps stays linear.
    public struct PeerIndex: Sendable {
        var meeting: [[Peer]]
        /// The codes in each of `meeting`, so that leaving a jurisdiction out of its own peers does not copy the list.
        var codes: [Set<String>]

        public init(_ cards: [ScoreCard]) {
            let count = cards.first?.criteria.count ?? 0
            meeting = Array(repeating: [], count: count)
            codes = Array(repeating: [], count: count)
            for card in cards where card.isRecorded {
                for (index, scored) in card.criteria.enumerated() where index < count && scored.reading.status == .met {
                    meeting[index].append(
                        Peer(code: card.jurisdiction.code, name: card.jurisdiction.name, provisions: scored.reading.provisions))
                    codes[index].insert(card.jurisdiction.code)
                }
            }
        }

        /// The peers meeting the criterion at `position` other than `code`: the first `limit` (all when nil), and how
        /// many there are.
        func peers(at position: Int, except code: String, limit: Int?) -> (peers: [Peer], count: Int) {
            guard position < meeting.count else { return ([], 0) }
            let all = meeting[position]
            let count = all.count - (codes[position].contains(code) ? 1 : 0)
            let others = all.lazy.filter { $0.code != code }
            return (limit.map { Array(others.prefix($0)) } ?? Array(others), count)
        }
    }

    /// The gaps of one jurisdiction, most severe first: largest gain, then highest weight, then checklist order,
    /// each with every peer that meets the criterion.
    public static func gaps(of card: ScoreCard, peers: [ScoreCard]) -> [Gap] {
        gaps(of: card, index: PeerIndex(peers))
    }

    /// The same, from a peer index built once; each gap lists at most `peerLimit` peers (all when nil). A card
    /// before its `recorded_from` has no gaps: nothing is recorded.
    public static func gaps(of card: ScoreCard, index: PeerIndex, peerLimit: Int? = nil) -> [Gap] {
        guard card.isRecorded else { return [] }
        let gaps = card.criteria.enumerated().compactMap { position, scored -> (Int, Gap)? in
            let status = scored.reading.status
            guard status != .met, status != .notApplicable else { return nil }
            let others = index.peers(at: position, except: card.jurisdiction.code, limit: peerLimit)
            return (
                position,
                Gap(
                    criterion: scored.reading.criterion, status: status, weight: scored.weight, gain: scored.gain ?? 0,
                    reading: scored.reading, peers: others.peers, peerCount: others.count)
            )
        }
        return gaps.sorted { lhs, rhs in
            let (l, r) = (Scoring.rounded(lhs.1.gain), Scoring.rounded(rhs.1.gain))
            if l != r { return l > r }
            if lhs.1.weight != rhs.1.weight { return lhs.1.weight > rhs.1.weight }
            return lhs.0 < rhs.0
        }.map(\.1)
    }
}
