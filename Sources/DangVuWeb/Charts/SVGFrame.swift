import Foundation

/// The pieces every chart is drawn with: the `<svg>` element (an image with a title and a description a
/// screen reader reads, scaled to the page's width), numbers for coordinates, and text.
///
/// Charts are pure functions of their figures returning `HTML`, so every label goes through the one
/// escaping function and a chart is tested without a server.
enum SVGFrame {
  /// A chart is drawn twice: for a phone and for the page's whole column (60rem less its padding). The page
  /// shows the one that fits (`ReportPageParts.style`), so its text keeps its size on both; one drawing
  /// scaled to either would be too small to read on the phone or use half the page on a desk.
  static let narrow = 480.0
  static let wide = 920.0

  /// Both drawings of a chart, the phone's first.
  static func responsive(_ draw: (Double) -> HTML) -> HTML { "\(draw(narrow))\(draw(wide))" }

  static func svg(width: Int, height: Int, title: String, description: String, body: HTML) -> HTML {
    let fit: HTML = Double(width) > narrow ? "wide" : "narrow"
    return """
      <svg class="chart \(fit)" role="img" viewBox="0 0 \(width) \(height)" width="100%" \
      style="max-width:\(width)px;height:auto" xmlns="http://www.w3.org/2000/svg" font-size="14">\
      <title>\(title)</title><desc>\(description)</desc>\(body)</svg>
      """
  }

  /// About how wide a text is drawn: SVG text does not wrap, and a label that runs past the edge is cut off.
  /// A sans-serif letter averages a little over half the font size; Vietnamese marks add no width.
  static func textWidth(_ content: String, size: Double = 14, bold: Bool = false) -> Double {
    Double(content.count) * size * (bold ? 0.62 : 0.57)
  }

  /// `content` broken at spaces into lines no wider than `width` (a single longer word keeps its own line).
  static func lines(_ content: String, width: Double, size: Double = 14, bold: Bool = false) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in content.split(separator: " ") {
      let longer = line.isEmpty ? String(word) : line + " " + word
      if !line.isEmpty && textWidth(longer, size: size, bold: bold) > width {
        lines.append(line)
        line = String(word)
      } else {
        line = longer
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Lines of text one under the other, the first on `y`.
  static func text(
    lines: [String], x: Double, y: Double, lineHeight: Double = 17, anchor: String = "start", weight: String? = nil
  ) -> HTML {
    "\(lines.enumerated().map { text($0.element, x: x, y: y + Double($0.offset) * lineHeight, anchor: anchor, weight: weight) })"
  }

  /// A coordinate with at most one decimal, always with a dot.
  static func n(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    return tenths.truncatingRemainder(dividingBy: 10) == 0
      ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
  }

  static func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", fill: String = ChartPalette.ink,
    weight: String? = nil, size: Int? = nil
  ) -> HTML {
    let extra = (weight.map { " font-weight=\"\($0)\"" } ?? "") + (size.map { " font-size=\"\($0)\"" } ?? "")
    return
      "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(HTML(stringLiteral: extra))>\(content)</text>"
  }

  static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) -> HTML {
    let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
    return
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(height))\" fill=\"\(fill)\"\(HTML(stringLiteral: outline))/>"
  }

  static func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, dashed: Bool = false, width: Double = 1
  )
    -> HTML
  {
    let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
    return
      "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"\(HTML(stringLiteral: dash))/>"
  }

  /// A legend: a swatch and a label for each series, `columns` to a row, rows 20 apart. A series drawn as a
  /// dashed line (a target) gets a dashed line for a swatch.
  static func legend(
    _ entries: [(label: String, fill: String)], x: Double, y: Double, step: Double = 230, columns: Int = 2,
    dashed: Set<Int> = []
  ) -> HTML {
    var parts: [HTML] = []
    for (index, entry) in entries.enumerated() {
      let left = x + Double(index % columns) * step
      let baseline = y + Double(index / columns) * 20
      if dashed.contains(index) {
        parts.append(
          line(x1: left, y1: baseline - 4, x2: left + 13, y2: baseline - 4, stroke: entry.fill, dashed: true, width: 2))
      } else {
        parts.append(rect(x: left, y: baseline - 11, width: 13, height: 13, fill: entry.fill, stroke: ChartPalette.ink))
      }
      parts.append(text(entry.label, x: left + 18, y: baseline))
    }
    return "\(parts)"
  }

  /// The rows a legend of `count` entries takes in `columns`.
  static func legendRows(_ count: Int, columns: Int) -> Int { (count + columns - 1) / columns }
}
