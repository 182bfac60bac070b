/// The band a score falls in, for maps. A reader tells bands apart by pattern and by the score printed on each tile,
/// never by colour alone.
enum ScoreBand: Int, CaseIterable {
    case high, upperMiddle, lowerMiddle, low, none

    /// The band of a score as printed (rounded to one decimal), so a tile never shows "75.0" in the band below.
    init(_ score: Double?) {
        guard let score else {
            self = .none
            return
        }
        switch Scoring.rounded(score) {
        case 75...: self = .high
        case 50..<75: self = .upperMiddle
        case 25..<50: self = .lowerMiddle
        default: self = .low
        }
    }

    var label: String {
        switch self {
        case .high: "75 to 100"
        case .upperMiddle: "50 to 74.9"
        case .lowerMiddle: "25 to 49.9"
        case .low: "0 to 24.9"
        case .none: "no score"
        }
    }

    /// The fill pattern's id within the map (`b0` … `b4`), defined by the `_tilemap` template.
    var pattern: String { "b\(rawValue)" }
}

/// A tile-grid map: one square per jurisdiction, placed roughly where the country lies (the World Tile Grid),
/// filled by score band and carrying its code and score. Laid out here, so the template only draws what it is given.
///
/// The map shows the part of the world its jurisdictions lie in, one tile of margin around them; the other countries
/// there are drawn faint, with their codes, so a reader finds their bearings. A jurisdiction the grid does not place
/// (a sub-national unit, a code of its own) gets a tile in a row below the map.
public struct TileMap: Encodable, Sendable {
    public struct Tile: Encodable, Sendable {
        public var code: String
        public var x: String, y: String, size: String
        /// Where the code and the score are written, centred in the tile.
        public var textX: String, codeY: String, scoreY: String
        /// Nil for a country not in the data: such tiles are drawn faint, with their code only.
        public var score: String?
        /// The band's fill pattern (`b0` … `b4`); nil for a country not in the data.
        public var pattern: String?
        /// "Philippines (PH): 58.3, band 50 to 74.9", for a tooltip and screen readers.
        public var title: String?
        /// True for the dark fill of the top band, on which text is drawn light.
        public var dark: Bool
        public var link: String?
    }

    /// Unique within a page, so that two maps' pattern ids never collide.
    public var id: String
    public var title: String
    /// One sentence for screen readers (`<desc>`).
    public var description: String
    public var width: String
    public var height: String
    /// The countries of the part of the world shown that are not in the data.
    public var background: [Tile]
    public var tiles: [Tile]
    /// Where the row of jurisdictions the grid does not place begins, with its label; nil when every one is placed.
    public var unplacedLabel: Label?
    /// The bands' key, laid out as a bar chart's legend.
    public var legend: [BarChart.LegendItem]

    public struct Label: Encodable, Sendable {
        public var text: String
        public var x: String, y: String
    }

    static let tile = 34.0
    static let step = 37.0

    /// - Parameter cards: the jurisdictions on the map, each with its score.
    init(id: String, title: String, cards: [ScoreCard], links: SiteLinks?) {
        self.id = id
        self.title = title
        let grid = WorldTileGrid.cells
        let placed = cards.filter { grid[$0.jurisdiction.code] != nil }
        let unplaced = cards.filter { grid[$0.jurisdiction.code] == nil }
        let cells = placed.compactMap { grid[$0.jurisdiction.code] }
        // The area shown: the jurisdictions' bounding box and one tile around it, within the grid.
        let allCells = Array(grid.values)
        // Half-open, so that a map with no placed jurisdiction has empty ranges.
        func shown(_ values: [Int], within grid: [Int]) -> Range<Int> {
            guard let low = values.min(), let high = values.max() else { return 0..<0 }
            return max(grid.min() ?? low, low - 1)..<(min(grid.max() ?? high, high + 1) + 1)
        }
        let columns = shown(cells.map(\.column), within: allCells.map(\.column))
        let rows = shown(cells.map(\.row), within: allCells.map(\.row))
        let margin = 4.0
        func origin(_ cell: WorldTileGrid.Cell) -> (x: Double, y: Double) {
            (margin + Double(cell.column - columns.lowerBound) * Self.step, margin + Double(cell.row - rows.lowerBound) * Self.step)
        }

        let inData = Set(cards.map(\.jurisdiction.code))
        background = grid.filter { code, cell in !inData.contains(code) && columns.contains(cell.column) && rows.contains(cell.row) }
            .sorted { ($0.value.row, $0.value.column) < ($1.value.row, $1.value.column) }
            .map { code, cell in
                let at = origin(cell)
                return Self.tile(code: code, x: at.x, y: at.y, card: nil, links: links)
            }
        tiles = placed.map { card in
            let at = origin(grid[card.jurisdiction.code]!)
            return Self.tile(code: card.jurisdiction.code, x: at.x, y: at.y, card: card, links: links)
        }
        var bottom = margin + Double(rows.count) * Self.step
        let widthInTiles = max(columns.count, 8)
        if unplaced.isEmpty {
            unplacedLabel = nil
        } else {
            let labelY = bottom + (rows.isEmpty ? 12 : 18)
            unplacedLabel = Label(text: "Not placed on the world grid:", x: Self.format(margin), y: Self.format(labelY))
            var y = labelY + 8
            for (index, card) in unplaced.enumerated() {
                let column = index % widthInTiles
                if index > 0, column == 0 { y += Self.step }
                tiles.append(
                    Self.tile(code: card.jurisdiction.code, x: margin + Double(column) * Self.step, y: y, card: card, links: links))
            }
            bottom = y + Self.step
        }
        let legendTop = bottom + 14
        legend = ScoreBand.allCases.enumerated().map { index, band in
            let x = margin + Double(index) * 118
            return BarChart.LegendItem(
                label: band.label, pattern: band.pattern, x: Self.format(x), y: Self.format(legendTop),
                textX: Self.format(x + 20), textY: Self.format(legendTop + 11))
        }
        width = Self.format(max(margin * 2 + Double(widthInTiles) * Self.step, margin * 2 + 5 * 118))
        height = Self.format(legendTop + 22)
        description =
            "One square per jurisdiction, placed roughly where it lies, with its code and overall score; the pattern gives the score band. "
            + "Faint squares are countries this data set does not assess."
    }

    private static func tile(code: String, x: Double, y: Double, card: ScoreCard?, links: SiteLinks?) -> Tile {
        let band = card.map { ScoreBand($0.score) }
        let score = card.map { Number.text($0.score, missing: "–") }
        return Tile(
            code: code, x: format(x), y: format(y), size: format(tile), textX: format(x + tile / 2),
            codeY: format(y + (card == nil ? 21 : 16)), scoreY: format(y + 28), score: score, pattern: band?.pattern,
            title: card.map { "\($0.jurisdiction.name) (\(code)): \(score ?? "–"), band \(band?.label ?? "")" },
            dark: band == .high, link: card == nil ? nil : links?.jurisdiction(code))
    }

    static func format(_ value: Double) -> String { Number.plain(value) }
}
