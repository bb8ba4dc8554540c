import Foundation

/// `shared/reference/published-figures.json`, beside the repository: the figures DangVu must reproduce.
enum PublishedFigures {
  static func report(_ id: String) throws -> [String: Any] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/reference/published-figures.json")
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
