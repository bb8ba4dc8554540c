import DangVuCore

/// The share graded good or above over several years, members and organisations side by side in each
/// year, against the target line.
enum TrendChart {
  struct Point: Sendable {
    var year: Int
    var members: GradeCounts
    var organisations: GradeCounts
  }

  static let height = 280.0
  static let plotLeft = 44.0
  static let plotTop = 40.0
  static let plotBottom = 230.0

  static func render(title: String, points: [Point], target: Int) -> HTML {
    SVGFrame.responsive { draw(title: title, points: points, target: target, width: $0) }
  }

  static func draw(title: String, points: [Point], target: Int, width: Double) -> HTML {
    let plotRight = width - 10
    let plotHeight = plotBottom - plotTop
    func y(_ percent: Double) -> Double { plotBottom - plotHeight * percent / 100 }
    // The target is named in the legend, not on its line, where it would sit on the last bar's figure.
    var parts: [HTML] = [
      SVGFrame.legend(
        [
          ("Đảng viên", ChartPalette.current), ("Tổ chức đảng", ChartPalette.previous),
          ("Chỉ tiêu \(target)%", ChartPalette.target),
        ], x: plotLeft, y: 18, step: 140, columns: 3, dashed: [2])
    ]
    for tick in stride(from: 0, through: 100, by: 25) {
      parts.append(
        SVGFrame.line(x1: plotLeft, y1: y(Double(tick)), x2: plotRight, y2: y(Double(tick)), stroke: "#cccccc"))
      parts.append(SVGFrame.text("\(tick)%", x: plotLeft - 6, y: y(Double(tick)) + 4, anchor: "end", size: 11))
    }
    var description: [String] = []
    let slot = (plotRight - plotLeft) / Double(max(points.count, 1))
    let bar = min(36, slot * 0.32)
    for (index, point) in points.enumerated() {
      let centre = plotLeft + slot * (Double(index) + 0.5)
      parts.append(SVGFrame.text(String(point.year), x: centre, y: plotBottom + 18, anchor: "middle", weight: "600"))
      var said: [String] = []
      for (offset, (name, counts, fill)) in [
        ("đảng viên", point.members, ChartPalette.current),
        ("tổ chức đảng", point.organisations, ChartPalette.previous),
      ].enumerated() {
        let x = centre + (offset == 0 ? -bar - 2 : 2)
        guard let share = Percent(counts.goodOrAbove, of: counts.evaluated) else {
          parts.append(SVGFrame.text("–", x: x + bar / 2, y: plotBottom - 4, anchor: "middle"))
          said.append("\(name) chưa có kết quả")
          continue
        }
        parts.append(
          SVGFrame.rect(
            x: x, y: y(share.value), width: bar, height: plotBottom - y(share.value), fill: fill,
            stroke: ChartPalette.ink))
        // A figure wider than its bar leans away from its neighbour, so the two of a year never overlap.
        let figure = "\(share.vietnamese)%"
        let fits = SVGFrame.textWidth(figure, size: 10) <= bar + 2
        let (anchor, at) = fits ? ("middle", x + bar / 2) : offset == 0 ? ("end", x + bar) : ("start", x)
        parts.append(SVGFrame.text(figure, x: at, y: y(share.value) - 4, anchor: anchor, size: 10))
        said.append("\(name) \(share.vietnamese)%")
      }
      description.append("Năm \(point.year): " + said.joined(separator: ", "))
    }
    parts.append(
      SVGFrame.line(
        x1: plotLeft, y1: y(Double(target)), x2: plotRight, y2: y(Double(target)), stroke: ChartPalette.target,
        dashed: true, width: 2))
    parts.append(
      SVGFrame.text(
        "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên, trên số được đánh giá", x: plotLeft, y: height - 12, size: 11))
    return SVGFrame.svg(
      width: Int(width), height: Int(height), title: title,
      description: "Chỉ tiêu \(target)%. Tỷ lệ hoàn thành tốt nhiệm vụ trở lên. " + description.joined(separator: "; ")
        + ".",
      body: "\(parts)")
  }
}
