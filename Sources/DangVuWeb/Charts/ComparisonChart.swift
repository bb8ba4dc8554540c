import DangVuCore

/// Figures of this period beside the same period a year earlier: for each figure two bars on one scale.
enum ComparisonChart {
  struct Pair: Sendable {
    var label: String
    var current: Int
    var previous: Int
  }

  static let left = 10.0
  /// Room after the longest bar for its figure.
  static let right = 80.0
  static let lineHeight = 17.0

  static func render(title: String, currentLabel: String, previousLabel: String, pairs: [Pair]) -> HTML {
    SVGFrame.responsive {
      draw(title: title, currentLabel: currentLabel, previousLabel: previousLabel, pairs: pairs, width: $0)
    }
  }

  static func draw(title: String, currentLabel: String, previousLabel: String, pairs: [Pair], width: Double)
    -> HTML
  {
    let track = width - left - right
    let largest = max(1, pairs.map { max($0.current, $0.previous) }.max() ?? 1)
    // The two periods side by side where they fit, one under the other on a phone.
    let legend = [(currentLabel, ChartPalette.current), (previousLabel, ChartPalette.previous)]
    let step = max(230, legend.map { SVGFrame.textWidth($0.0) + 40 }.max() ?? 0)
    let columns = left + 2 * step <= width ? 2 : 1
    var parts: [HTML] = [SVGFrame.legend(legend, x: left, y: 18, step: step, columns: columns)]
    var y = 18 + Double(SVGFrame.legendRows(legend.count, columns: columns)) * 20 - 2
    var description: [String] = []
    for pair in pairs {
      let label = SVGFrame.lines(pair.label, width: width - 2 * left, bold: true)
      parts.append(SVGFrame.text(lines: label, x: left, y: y + 12, lineHeight: lineHeight, weight: "600"))
      let barsTop = y + 18 + Double(label.count - 1) * lineHeight
      for (offset, (value, fill)) in [(pair.current, ChartPalette.current), (pair.previous, ChartPalette.previous)]
        .enumerated()
      {
        let barTop = barsTop + Double(offset) * 18
        let w = track * Double(value) / Double(largest)
        parts.append(
          SVGFrame.rect(x: left, y: barTop, width: max(w, 1), height: 15, fill: fill, stroke: ChartPalette.ink))
        parts.append(SVGFrame.text(VietnameseNumber.count(value), x: left + max(w, 1) + 6, y: barTop + 12))
      }
      y = barsTop + 44
      let change = Change(current: pair.current, previous: pair.previous).vietnamese ?? ""
      description.append(
        "\(pair.label): \(VietnameseNumber.count(pair.current)), cùng kỳ \(VietnameseNumber.count(pair.previous)) (\(change))"
      )
    }
    return SVGFrame.svg(
      width: Int(width), height: Int(y.rounded(.up)), title: title,
      description: description.joined(separator: "; ") + ".", body: "\(parts)")
  }
}
