import Foundation

/// The figures DangVu must reproduce: a copy, kept in the repository so a clone anywhere passes, of the
/// design's `reference/published-figures.json` (Fixtures/published-figures.json; update both together).
enum PublishedFigures {
  static func report(_ id: String) throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/published-figures.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    let reports = json["reports"] as! [[String: Any]]
    return reports.first { $0["id"] as? String == id }!
  }

  /// The percentage DangVu must print: `correct_pct` where the file marks the printed one wrong.
  static func expectedPercents(_ figures: [String: Any]) -> [String: String] {
    var pct = figures["published_pct"] as? [String: String] ?? [:]
    for (k, v) in figures["correct_pct"] as? [String: String] ?? [:] { pct[k] = v }
    return pct
  }
}
