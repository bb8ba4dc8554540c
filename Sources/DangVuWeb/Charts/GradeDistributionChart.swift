import DangVuCore

/// How the evaluated were graded: one bar per group (members, organisations, each kind of unit), split
/// into excellent, good, complete and not complete as shares of the evaluated.
enum GradeDistributionChart {
  struct Row: Sendable {
    var label: String
    var counts: GradeCounts
  }

  static let gradeNames = [
    "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành",
  ]

  static let left = 10.0
  static let barHeight = 24.0
  static let lineHeight = 17.0

  static func render(title: String, rows: [Row]) -> HTML {
    SVGFrame.responsive { draw(title: title, rows: rows, width: $0) }
  }

  static func draw(title: String, rows: [Row], width: Double) -> HTML {
    let barWidth = width - 2 * left
    // Four grades to a row where they fit, two on a phone.
    let columns = width >= 4 * 200 ? 4 : 2
    let step = barWidth / Double(columns)
    var parts: [HTML] = [
      SVGFrame.legend(
        gradeNames.enumerated().map { ($0.element, ChartPalette.grades[$0.offset].fill) }, x: left, y: 18,
        step: step, columns: columns)
    ]
    var y = 18 + Double(SVGFrame.legendRows(gradeNames.count, columns: columns)) * 20 + 2
    var description: [String] = []
    for row in rows {
      let c = row.counts
      let parts4 = [c.excellent, c.good, c.complete, c.notComplete]
      // A long unit kind ("Đảng bộ cấp huyện và tương đương (trực thuộc Tỉnh ủy)") wraps instead of running
      // past the right edge.
      let label = SVGFrame.lines(
        "\(row.label) (\(VietnameseNumber.count(c.evaluated)) được đánh giá)", width: barWidth, bold: true)
      parts.append(SVGFrame.text(lines: label, x: left, y: y + 12, lineHeight: lineHeight, weight: "600"))
      let barTop = y + 20 + Double(label.count - 1) * lineHeight
      y = barTop + barHeight + 14
      guard c.evaluated > 0 else {
        parts.append(SVGFrame.rect(x: left, y: barTop, width: barWidth, height: barHeight, fill: ChartPalette.track))
        parts.append(SVGFrame.text("chưa có kết quả", x: left + 8, y: barTop + 17))
        description.append("\(row.label): chưa có kết quả")
        continue
      }
      var x = left
      var said: [String] = []
      for (grade, count) in parts4.enumerated() {
        let share = Percent(count, of: c.evaluated)!
        let w = barWidth * Double(count) / Double(c.evaluated)
        let colours = ChartPalette.grades[grade]
        if w > 0 {
          parts.append(
            SVGFrame.rect(x: x, y: barTop, width: w, height: barHeight, fill: colours.fill, stroke: ChartPalette.ink))
        }
        // A share is written on its segment only when it fits; the table below has every figure.
        if w >= 62 {
          parts.append(
            SVGFrame.text("\(share.vietnamese)%", x: x + w / 2, y: barTop + 17, anchor: "middle", fill: colours.text))
        }
        said.append("\(gradeNames[grade].lowercased()) \(VietnameseNumber.count(count)) (\(share.vietnamese)%)")
        x += w
      }
      description.append("\(row.label): " + said.joined(separator: ", "))
    }
    return SVGFrame.svg(
      width: Int(width), height: Int(y.rounded(.up)), title: title,
      description: description.joined(separator: "; ") + ".", body: "\(parts)")
  }
}
