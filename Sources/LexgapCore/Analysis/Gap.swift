/// A criterion a jurisdiction does not fully meet, with the reform that would close it and the peers whose law
/// already meets it.
public struct Gap: Sendable {
    public struct Peer: Sendable {
        public var code: String
        public var name: String
        /// The provisions that meet the criterion there, as model text to point to.
        public var provisions: [(instrument: Instrument, section: String)]
    }

    public var criterion: Criterion
    public var status: Status
    public var weight: Int
    /// Points the overall score would gain if the criterion were met.
    public var gain: Double
    public var recommendation: String
    public var note: String
    /// Peers that meet the criterion, in the order they were given (at most the limit asked for).
    public var peers: [Peer]
    /// How many peers meet it in all.
    public var peerCount: Int
    /// `unclear`: the law may already be adequate; research must settle it first.
    public var needsResearch: Bool { status == .unclear }

    /// For each criterion (by its position in the checklist), the jurisdictions whose law meets it, in the order of
    /// the cards given. Built once for a whole data set, so that listing every jurisdiction's gaps stays linear.
    public struct PeerIndex: Sendable {
        var meeting: [[Peer]]

        public init(_ cards: [ScoreCard]) {
            let count = cards.first?.criteria.count ?? 0
            meeting = Array(repeating: [], count: count)
            for card in cards {
                for (index, scored) in card.criteria.enumerated() where index < count && scored.finding.status == .met {
                    let provisions = scored.finding.provisions.compactMap { provision in
                        card.jurisdiction.instrument(provision.instrument).map { (instrument: $0, section: provision.section) }
                    }
                    meeting[index].append(Peer(code: card.jurisdiction.code, name: card.jurisdiction.name, provisions: provisions))
                }
            }
        }
    }

    /// The gaps of one jurisdiction, most severe first: largest gain, then highest weight, then checklist order,
    /// each with every peer that meets the criterion.
    public static func gaps(of card: ScoreCard, peers: [ScoreCard]) -> [Gap] {
        gaps(of: card, index: PeerIndex(peers))
    }

    /// The same, from a peer index built once; each gap lists at most `peerLimit` peers (all when nil).
    public static func gaps(of card: ScoreCard, index: PeerIndex, peerLimit: Int? = nil) -> [Gap] {
        let gaps = card.criteria.enumerated().compactMap { position, scored -> (Int, Gap)? in
            let status = scored.finding.status
            guard status != .met, status != .notApplicable else { return nil }
            let criterion = scored.finding.criterion
            let others = position < index.meeting.count ? index.meeting[position].filter { $0.code != card.jurisdiction.code } : []
            return (position, Gap(
                criterion: criterion, status: status, weight: scored.weight, gain: scored.gain ?? 0,
                recommendation: criterion.recommendation,
                note: [scored.finding.caveat.map { "(\($0))" }, scored.finding.note].compactMap { $0 }.filter { !$0.isEmpty }
                    .joined(separator: " "),
                peers: peerLimit.map { Array(others.prefix($0)) } ?? others, peerCount: others.count))
        }
        return gaps.sorted { lhs, rhs in
            let (l, r) = (Scoring.rounded(lhs.1.gain), Scoring.rounded(rhs.1.gain))
            if l != r { return l > r }
            if lhs.1.weight != rhs.1.weight { return lhs.1.weight > rhs.1.weight }
            return lhs.0 < rhs.0
        }.map(\.1)
    }
}
