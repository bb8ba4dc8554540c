import DangVuCore

/// A share against its target: one horizontal bar per group from 0 to 100%, with the target drawn as a
/// dashed line across them all, and each bar saying whether it reaches it.
enum TargetChart {
  struct Bar: Sendable {
    var label: String
    var part: Int
    var whole: Int
  }

  static let width = 480.0
  static let left = 10.0
  static let right = 10.0
  static let rowHeight = 56.0

  static func render(title: String, bars: [Bar], target: Int) -> HTML {
    let top = 34.0
    let track = width - left - right
    let targetX = left + track * Double(target) / 100
    let bottom = top + Double(max(bars.count, 1)) * rowHeight
    var parts: [HTML] = []
    var description: [String] = []
    for (index, bar) in bars.enumerated() {
      let y = top + Double(index) * rowHeight
      let barTop = y + 18
      parts.append(SVGFrame.text(bar.label, x: left, y: y + 12, weight: "600"))
      parts.append(
        SVGFrame.rect(x: left, y: barTop, width: track, height: 22, fill: ChartPalette.track, stroke: ChartPalette.ink))
      guard let share = Percent(bar.part, of: bar.whole) else {
        parts.append(SVGFrame.text("chưa có kết quả", x: left + track, y: y + 12, anchor: "end"))
        description.append("\(bar.label): chưa có kết quả")
        continue
      }
      let reached = bar.part * 100 >= bar.whole * target
      parts.append(
        SVGFrame.rect(x: left, y: barTop, width: track * share.value / 100, height: 22, fill: ChartPalette.middle))
      let verdict = reached ? "đạt" : "chưa đạt"
      // Above the bar's right end, so the track can take the whole width of a phone.
      parts.append(
        SVGFrame.text("\(share.vietnamese)% · \(verdict)", x: left + track, y: y + 12, anchor: "end", weight: "600"))
      description.append(
        "\(bar.label): \(VietnameseNumber.count(bar.part))/\(VietnameseNumber.count(bar.whole)), chiếm \(share.vietnamese)%, \(verdict)"
      )
    }
    // The target across each bar only, so it never strikes through the figures written above them.
    for index in bars.indices {
      let barTop = top + Double(index) * rowHeight + 18
      parts.append(
        SVGFrame.line(
          x1: targetX, y1: barTop - 4, x2: targetX, y2: barTop + 26, stroke: ChartPalette.target, dashed: true, width: 2
        ))
    }
    parts.append(
      SVGFrame.text(
        "Chỉ tiêu \(target)%", x: targetX, y: top - 14, anchor: "middle", fill: ChartPalette.target, weight: "600"))
    return SVGFrame.svg(
      width: Int(width), height: Int(bottom + 10), title: title,
      description: "Chỉ tiêu \(target)%. " + description.joined(separator: "; ") + ".", body: "\(parts)")
  }
}
