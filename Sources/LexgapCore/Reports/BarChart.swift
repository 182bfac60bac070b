/// A horizontal bar chart of scores from 0 to 100, laid out here so that a template only draws what it is given.
///
/// Each group (a category, a jurisdiction) has one bar per series (one jurisdiction in a country report, several in
/// a comparison). Every bar carries its value as text and a fill pattern as well as a colour, so the chart reads in
/// black and white; Markdown reports draw the same bars as text (`textBar`).
public struct BarChart: Encodable, Sendable {
    public struct Bar: Encodable, Sendable {
        public var series: String
        /// The score as printed ("87.5"), or "no score".
        public var value: String
        public var x: String, y: String, width: String, height: String
        /// Where the value label goes, right of the bar.
        public var valueX: String, valueY: String
        /// The fill pattern's id within the chart (`p0` … `p5`), one per series.
        public var pattern: String
        /// The bar in 20 text cells (each 5 points), for Markdown: "███████████████░░░░░".
        public var textBar: String
    }

    public struct Group: Encodable, Sendable {
        public var label: String
        public var labelY: String
        public var bars: [Bar]
    }

    public struct Tick: Encodable, Sendable {
        public var x: String
        public var label: String
    }

    public struct LegendItem: Encodable, Sendable {
        public var label: String
        public var pattern: String
        public var x: String, y: String, textX: String, textY: String
    }

    /// Unique within a page, so that two charts' pattern ids never collide.
    public var id: String
    public var title: String
    /// One sentence that says what the chart shows, for screen readers (`<desc>`).
    public var description: String
    public var width: String
    public var height: String
    public var plotLeft: String, plotRight: String, plotTop: String, plotBottom: String
    public var axisLabelY: String
    public var groups: [Group]
    public var ticks: [Tick]
    /// Empty when there is one series.
    public var legend: [LegendItem]

    static let patternCount = 6

    /// - Parameters:
    ///   - series: the names of the series, in order (one per bar in each group).
    ///   - groups: each group's label and one score per series (nil: no score).
    init(id: String, title: String, description: String, series: [String], groups input: [(label: String, scores: [Double?])]) {
        // The label column fits the longest label (about 6.6 units a character at 12 px), so none is cut off.
        let longest = Double(input.map(\.label.count).max() ?? 10)
        let labelWidth = min(330, max(150, longest * 6.6 + 14))
        let valueWidth = 60.0
        let top = 10.0
        let width = labelWidth + 380 + valueWidth
        let plotLeft = labelWidth
        let plotRight = width - valueWidth
        let plotWidth = plotRight - plotLeft
        let barHeight = series.count > 1 ? 14.0 : 20.0
        let barGap = 3.0
        let groupGap = 12.0
        var y = top
        var builtGroups: [Group] = []
        for group in input {
            let start = y
            var bars: [Bar] = []
            for (index, name) in series.enumerated() {
                let score = index < group.scores.count ? group.scores[index] : nil
                let length = max(0, min(100, score ?? 0)) / 100 * plotWidth
                bars.append(
                    Bar(
                        series: name, value: score.map { Number.text($0) } ?? "no score",
                        x: Self.format(plotLeft), y: Self.format(y), width: Self.format(length), height: Self.format(barHeight),
                        valueX: Self.format(plotLeft + length + 5), valueY: Self.format(y + barHeight / 2 + 4),
                        pattern: "p\(index % Self.patternCount)", textBar: Self.textBar(score)))
                y += barHeight + barGap
            }
            y -= barGap
            builtGroups.append(Group(label: group.label, labelY: Self.format((start + y) / 2 + 4), bars: bars))
            y += groupGap
        }
        let plotBottom = y - groupGap + 6
        var legend: [LegendItem] = []
        var height = plotBottom + 22
        if series.count > 1 {
            for (index, name) in series.enumerated() {
                let column = Double(index % 4)
                let row = Double(index / 4)
                let x = plotLeft + column * 105
                let itemY = plotBottom + 30 + row * 20
                legend.append(
                    LegendItem(
                        label: name, pattern: "p\(index % Self.patternCount)", x: Self.format(x), y: Self.format(itemY - 11),
                        textX: Self.format(x + 20), textY: Self.format(itemY)))
            }
            height = plotBottom + 30 + Double((series.count + 3) / 4) * 20
        }
        self.id = id
        self.title = title
        self.description = description
        self.width = Self.format(width)
        self.height = Self.format(height)
        self.plotLeft = Self.format(plotLeft)
        self.plotRight = Self.format(plotRight)
        self.plotTop = Self.format(top - 4)
        self.plotBottom = Self.format(plotBottom)
        axisLabelY = Self.format(plotBottom + 14)
        groups = builtGroups
        ticks = stride(from: 0, through: 100, by: 25).map { value in
            Tick(x: Self.format(plotLeft + Double(value) / 100 * plotWidth), label: String(value))
        }
        self.legend = legend
    }

    /// Coordinates with at most one decimal, so that output is the same on every platform.
    static func format(_ value: Double) -> String { Number.plain(value) }

    static func textBar(_ score: Double?) -> String {
        guard let score else { return "" }
        let full = Int((max(0, min(100, score)) / 5).rounded(.toNearestOrAwayFromZero))
        return String(repeating: "█", count: full) + String(repeating: "░", count: 20 - full)
    }
}
