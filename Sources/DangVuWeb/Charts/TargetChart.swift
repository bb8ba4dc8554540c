import DangVuCore

/// A share against its target: one horizontal bar per group from 0 to 100%, with the target drawn as a
/// dashed line across them all, and each bar saying whether it reaches it.
enum TargetChart {
  struct Bar: Sendable {
    var label: String
    var part: Int
    var whole: Int
  }

  static let left = 10.0
  static let right = 10.0
  static let lineHeight = 17.0

  static func render(title: String, bars: [Bar], target: Int) -> HTML {
    SVGFrame.responsive { draw(title: title, bars: bars, target: target, width: $0) }
  }

  static func draw(title: String, bars: [Bar], target: Int, width: Double) -> HTML {
    let top = 34.0
    let track = width - left - right
    let targetX = left + track * Double(target) / 100
    var y = top
    var barTops: [Double] = []
    var parts: [HTML] = []
    var description: [String] = []
    for bar in bars {
      let share = Percent(bar.part, of: bar.whole)
      let reached = bar.part * 100 >= bar.whole * target
      let verdict = reached ? "đạt" : "chưa đạt"
      let figure = share.map { "\($0.vietnamese)% · \(verdict)" } ?? "chưa có kết quả"
      // The figure sits above the bar's right end, so the track can take the whole width of a phone; the
      // label takes what is left of the line and wraps below it.
      let label = SVGFrame.lines(
        bar.label, width: track - SVGFrame.textWidth(figure, bold: true) - 12, bold: true)
      parts.append(SVGFrame.text(lines: label, x: left, y: y + 12, lineHeight: lineHeight, weight: "600"))
      parts.append(
        SVGFrame.text(figure, x: left + track, y: y + 12, anchor: "end", weight: share == nil ? nil : "600"))
      let barTop = y + 18 + Double(label.count - 1) * lineHeight
      barTops.append(barTop)
      y = barTop + 38
      parts.append(
        SVGFrame.rect(x: left, y: barTop, width: track, height: 22, fill: ChartPalette.track, stroke: ChartPalette.ink))
      guard let share else {
        description.append("\(bar.label): chưa có kết quả")
        continue
      }
      parts.append(
        SVGFrame.rect(x: left, y: barTop, width: track * share.value / 100, height: 22, fill: ChartPalette.middle))
      description.append(
        "\(bar.label): \(VietnameseNumber.count(bar.part))/\(VietnameseNumber.count(bar.whole)), chiếm \(share.vietnamese)%, \(verdict)"
      )
    }
    // The target across each bar only, so it never strikes through the figures written above them.
    for barTop in barTops {
      parts.append(
        SVGFrame.line(
          x1: targetX, y1: barTop - 4, x2: targetX, y2: barTop + 26, stroke: ChartPalette.target, dashed: true, width: 2
        ))
    }
    // Its label above the first row, kept inside the right edge.
    let name = "Chỉ tiêu \(target)%"
    let nameX = min(targetX, width - right - SVGFrame.textWidth(name, bold: true) / 2)
    parts.append(
      SVGFrame.text(name, x: nameX, y: top - 14, anchor: "middle", fill: ChartPalette.target, weight: "600"))
    return SVGFrame.svg(
      width: Int(width), height: Int(max(y, top + 56) - 6), title: title,
      description: "Chỉ tiêu \(target)%. " + description.joined(separator: "; ") + ".", body: "\(parts)")
  }
}
