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
    public var peers: [Peer]
    /// `unclear`: the law may already be adequate; research must settle it first.
    public var needsResearch: Bool { status == .unclear }

    /// The gaps of one jurisdiction, most severe first: largest gain, then highest weight, then checklist order.
    public static func gaps(of card: ScoreCard, peers: [ScoreCard]) -> [Gap] {
        let gaps = card.criteria.enumerated().compactMap { index, scored -> (Int, Gap)? in
            let status = scored.finding.status
            guard status != .met, status != .notApplicable else { return nil }
            let criterion = scored.finding.criterion
            let models = peers.filter { $0.jurisdiction.code != card.jurisdiction.code }.compactMap { peer -> Peer? in
                guard let finding = peer.criteria.first(where: { $0.finding.criterion.id == criterion.id })?.finding,
                    finding.status == .met
                else { return nil }
                let provisions = finding.provisions.compactMap { provision in
                    peer.jurisdiction.instrument(provision.instrument).map { (instrument: $0, section: provision.section) }
                }
                return Peer(code: peer.jurisdiction.code, name: peer.jurisdiction.name, provisions: provisions)
            }
            return (index, Gap(
                criterion: criterion, status: status, weight: scored.weight, gain: scored.gain ?? 0,
                recommendation: criterion.recommendation,
                note: [scored.finding.caveat.map { "(\($0))" }, scored.finding.note].compactMap { $0 }.filter { !$0.isEmpty }
                    .joined(separator: " "),
                peers: models))
        }
        return gaps.sorted { lhs, rhs in
            let (l, r) = (Scoring.rounded(lhs.1.gain), Scoring.rounded(rhs.1.gain))
            if l != r { return l > r }
            if lhs.1.weight != rhs.1.weight { return lhs.1.weight > rhs.1.weight }
            return lhs.0 < rhs.0
        }.map(\.1)
    }
}
