/// A user's own priorities: weights that override the checklist's for some criteria and categories.
public struct Weights: Sendable, Hashable {
    public var categories: [String: Int]
    public var criteria: [String: Int]
    /// The file the weights come from, which every output made with them names; nil for the checklist's own.
    public var source: String?

    public init(categories: [String: Int] = [:], criteria: [String: Int] = [:], source: String? = nil) {
        self.categories = categories
        self.criteria = criteria
        self.source = source
    }

    public static let checklist = Weights()

    public func weight(of criterion: Criterion) -> Int { criteria[criterion.id] ?? criterion.weight }
    public func weight(of category: Category) -> Int { categories[category.id] ?? category.weight }
}
