import Foundation

/// The pieces every chart is drawn with: the `<svg>` element (an image with a title and a description a
/// screen reader reads, scaled to the page's width), numbers for coordinates, and text.
///
/// Charts are pure functions of their figures returning `HTML`, so every label goes through the one
/// escaping function and a chart is tested without a server.
enum SVGFrame {
  static func svg(width: Int, height: Int, title: String, description: String, body: HTML) -> HTML {
    """
    <svg class="chart" role="img" viewBox="0 0 \(width) \(height)" width="100%" \
    style="max-width:\(width)px;height:auto" xmlns="http://www.w3.org/2000/svg" font-size="14">\
    <title>\(title)</title><desc>\(description)</desc>\(body)</svg>
    """
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

  /// A legend: a swatch and a label for each series, `columns` to a row, rows 20 apart.
  static func legend(
    _ entries: [(label: String, fill: String)], x: Double, y: Double, step: Double = 230, columns: Int = 2
  ) -> HTML {
    var parts: [HTML] = []
    for (index, entry) in entries.enumerated() {
      let left = x + Double(index % columns) * step
      let baseline = y + Double(index / columns) * 20
      parts.append(rect(x: left, y: baseline - 11, width: 13, height: 13, fill: entry.fill, stroke: ChartPalette.ink))
      parts.append(text(entry.label, x: left + 18, y: baseline))
    }
    return "\(parts)"
  }
}
