import DangVuCore
import Foundation
import Testing

@testable import DangVuWeb

/// What a newcomer saw on the report pages (issue 25): labels cut at the right edge, the target's label on
/// the last bar's figure, figures without "%", charts half the page wide. Each chart is checked at both of
/// its widths: every text inside the frame, no two texts on top of each other.
@Suite struct ChartLayoutTests {
  /// The longest unit kind of the 2023 tree, as the evaluation page labels its row.
  static let districtKind = "Đảng bộ cấp huyện và tương đương (trực thuộc Tỉnh ủy)"
  static let counts = GradeCounts(excellent: 1, good: 16, complete: 1, notComplete: 0)

  static func charts(width: Double) -> [HTML] {
    [
      GradeDistributionChart.draw(
        title: "x", rows: [.init(label: districtKind, counts: counts), .init(label: "Đảng viên", counts: counts)],
        width: width),
      TargetChart.draw(
        title: "x",
        bars: [
          .init(label: districtKind, part: 17, whole: 18), .init(label: "Đảng viên", part: 48_805, whole: 56_787),
        ],
        target: 90, width: width),
      TrendChart.draw(
        title: "x",
        points: (2019...2023).map {
          .init(
            year: $0, members: GradeCounts(excellent: 9, good: 86, complete: 5, notComplete: 0),
            organisations: GradeCounts(excellent: 10, good: 84, complete: 6, notComplete: 0))
        }, target: 90, width: width),
      ComparisonChart.draw(
        title: "x", currentLabel: "từ ngày 01/01/2023 đến ngày 30/06/2023",
        previousLabel: "từ ngày 01/01/2022 đến ngày 30/06/2022",
        pairs: [
          .init(label: "Đưa ra khỏi Đảng (không đủ tư cách) và các trường hợp khác", current: 62_600, previous: 1)
        ],
        width: width),
    ]
  }

  /// A drawn text and the box it takes, by the same estimate of letter widths the charts lay out with.
  struct Box: CustomStringConvertible {
    var text: String
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double

    var description: String { "\"\(text)\" [\(Int(left))–\(Int(right)) × \(Int(top))–\(Int(bottom))]" }

    func overlaps(_ other: Box) -> Bool {
      left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }
  }

  static func boxes(_ svg: String) throws -> [Box] {
    let pattern = try NSRegularExpression(
      pattern:
        #"<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)" fill="[^"]*"( font-weight="600")?( font-size="(\d+)")?>([^<]*)</text>"#
    )
    let ns = svg as NSString
    return pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { m in
      func group(_ i: Int) -> String? {
        m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i))
      }
      let x = Double(group(1)!)!
      let y = Double(group(2)!)!
      let size = group(6).flatMap(Double.init) ?? 14
      let text = HTMLDecoding.plain(group(7)!)
      let width = SVGFrame.textWidth(text, size: size, bold: group(4) != nil)
      let left =
        switch group(3)! {
        case "middle": x - width / 2
        case "end": x - width
        default: x
        }
      return Box(text: text, left: left, right: left + width, top: y - size * 0.8, bottom: y + size * 0.2)
    }
  }

  @Test(arguments: [SVGFrame.narrow, SVGFrame.wide])
  func everyTextStaysInsideTheChart(width: Double) throws {
    for chart in Self.charts(width: width) {
      for box in try Self.boxes(chart.markup) {
        #expect(box.left >= 0 && box.right <= width, "\(box) runs past the edge of a chart \(Int(width)) wide")
      }
    }
  }

  @Test(arguments: [SVGFrame.narrow, SVGFrame.wide])
  func noTwoTextsLieOnEachOther(width: Double) throws {
    for chart in Self.charts(width: width) {
      let boxes = try Self.boxes(chart.markup)
      for (i, a) in boxes.enumerated() {
        for b in boxes[(i + 1)...] {
          #expect(!a.overlaps(b), "\(a) lies on \(b)")
        }
      }
    }
  }

  @Test func aLongUnitKindWrapsWholeInsteadOfBeingCut() throws {
    let svg = GradeDistributionChart.draw(
      title: "x", rows: [.init(label: Self.districtKind, counts: Self.counts)], width: SVGFrame.narrow
    ).markup
    let lines = try Self.boxes(svg).map(\.text).filter {
      !$0.hasPrefix("Hoàn thành") && !$0.hasPrefix("Không") && !$0.hasSuffix("%")
    }
    #expect(lines.count >= 2, "the label is on more than one line: \(lines)")
    #expect(lines.joined(separator: " ").contains("\(Self.districtKind) (18 được đánh giá)"))
  }

  @Test func theTrendsFiguresArePercentsAndItsTargetIsNamedInTheLegend() throws {
    let svg = Self.charts(width: SVGFrame.narrow)[2].markup
    let texts = try Self.boxes(svg)
    #expect(texts.filter { $0.text == "95,00%" }.count == 5)
    #expect(texts.filter { $0.text == "94,00%" }.count == 5)
    // In the legend's row, with a dashed swatch, not on the line beside the last bars.
    let target = try #require(texts.first { $0.text == "Chỉ tiêu 90%" })
    #expect(target.bottom < TrendChart.plotTop)
    #expect(svg.contains("stroke=\"#a50e0e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"342\" y=\"18\""))
  }

  @Test func eachChartComesForAPhoneAndForTheWholePage() {
    let chart = TargetChart.render(title: "x", bars: [.init(label: "Đảng viên", part: 9, whole: 10)], target: 90)
      .markup
    #expect(chart.contains("<svg class=\"chart narrow\" role=\"img\" viewBox=\"0 0 480 "))
    #expect(chart.contains("<svg class=\"chart wide\" role=\"img\" viewBox=\"0 0 920 "))
    // The page shows the wide one unless the screen is narrow.
    let style = ReportPageParts.style.markup
    #expect(style.contains("svg.chart.narrow{display:none}"))
    #expect(style.contains("@media (max-width:40rem){svg.chart.wide{display:none}svg.chart.narrow{display:block}}"))
  }
}

/// The few entities a chart's text is escaped with, back to the characters whose width counts.
enum HTMLDecoding {
  static func plain(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
