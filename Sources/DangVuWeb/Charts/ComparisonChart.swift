import DangVuCore

/// Figures of this period beside the same period a year earlier: for each figure two bars on one scale.
enum ComparisonChart {
  struct Pair: Sendable {
    var label: String
    var current: Int
    var previous: Int
  }

  static let width = 480.0
  static let left = 10.0
  static let right = 80.0
  static let rowHeight = 62.0

  static func render(title: String, currentLabel: String, previousLabel: String, pairs: [Pair]) -> HTML {
    let top = 36.0
    let track = width - left - right
    let largest = max(1, pairs.map { max($0.current, $0.previous) }.max() ?? 1)
    var parts: [HTML] = [
      SVGFrame.legend([(currentLabel, ChartPalette.current), (previousLabel, ChartPalette.previous)], x: left, y: 18)
    ]
    var description: [String] = []
    for (index, pair) in pairs.enumerated() {
      let y = top + Double(index) * rowHeight
      parts.append(SVGFrame.text(pair.label, x: left, y: y + 12, weight: "600"))
      for (offset, (value, fill)) in [(pair.current, ChartPalette.current), (pair.previous, ChartPalette.previous)]
        .enumerated()
      {
        let barTop = y + 18 + Double(offset) * 18
        let w = track * Double(value) / Double(largest)
        parts.append(
          SVGFrame.rect(x: left, y: barTop, width: max(w, 1), height: 15, fill: fill, stroke: ChartPalette.ink))
        parts.append(SVGFrame.text(VietnameseNumber.count(value), x: left + max(w, 1) + 6, y: barTop + 12))
      }
      let change = Change(current: pair.current, previous: pair.previous).vietnamese ?? ""
      description.append(
        "\(pair.label): \(VietnameseNumber.count(pair.current)), cùng kỳ \(VietnameseNumber.count(pair.previous)) (\(change))"
      )
    }
    let height = Int(top + Double(max(pairs.count, 1)) * rowHeight)
    return SVGFrame.svg(
      width: Int(width), height: height, title: title, description: description.joined(separator: "; ") + ".",
      body: "\(parts)")
  }
}
