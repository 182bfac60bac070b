/// "Did you mean" suggestions for misspelt keys and ids.
enum Suggestion {
    /// The known word closest to `word` by edit distance, if it is close enough to be a likely typo.
    static func closest(to word: String, among known: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (word: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, best.word.count / 3))
        return best.distance <= allowed ? best.word : nil
    }

    /// Levenshtein distance, with a cut-off so that a very long typo costs no more than a short one.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(256))
        let b = Array(b.prefix(256))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
