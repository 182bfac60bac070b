import Foundation

/// Jurisdictions grouped by the `region` their files give, regions in name order and jurisdictions in code order
/// within each, with the file name of each region's page.
struct RegionGroups: Sendable {
    struct Group: Sendable {
        var name: String
        /// The page's file name without extension: "south-east-asia".
        var slug: String
        var cards: [ScoreCard]
    }

    var groups: [Group]
    private var slugByName: [String: String]

    init(_ cards: [ScoreCard]) {
        let byName = Dictionary(grouping: cards, by: { Self.name(of: $0.jurisdiction) })
        var taken: Set<String> = []
        var groups: [Group] = []
        for name in byName.keys.sorted() {
            // Two names that reduce to the same slug ("South Asia", "South-Asia") get distinct pages.
            let base = Self.slug(name)
            var slug = base
            var next = 2
            while taken.contains(slug) {
                slug = "\(base)-\(next)"
                next += 1
            }
            taken.insert(slug)
            groups.append(
                Group(name: name, slug: slug, cards: byName[name, default: []].sorted { $0.jurisdiction.code < $1.jurisdiction.code }))
        }
        self.groups = groups
        slugByName = Dictionary(uniqueKeysWithValues: groups.map { ($0.name, $0.slug) })
    }

    func slug(of jurisdiction: Jurisdiction) -> String? { slugByName[Self.name(of: jurisdiction)] }

    /// The region as the file gives it, or "Region not set".
    static func name(of jurisdiction: Jurisdiction) -> String {
        let region = jurisdiction.region.trimmingCharacters(in: .whitespaces)
        return region.isEmpty ? "Region not set" : region
    }

    /// Lower-case ASCII letters and digits, any run of other characters as one hyphen: a name safe in any file system.
    static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "region" : slug
    }
}
