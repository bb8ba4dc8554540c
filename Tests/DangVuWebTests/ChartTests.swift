import DangVuCore
import Testing

@testable import DangVuWeb

@Suite struct ChartTests {
  let counts = GradeCounts(excellent: 2, good: 6, complete: 1, notComplete: 1)

  @Test func theGradeDistributionDrawsEachGradeAsItsShareOfTheEvaluated() {
    let svg = GradeDistributionChart.draw(
      title: "Kết quả xếp loại", rows: [.init(label: "Đảng viên", counts: counts)], width: SVGFrame.narrow
    ).markup
    #expect(svg.hasPrefix("<svg class=\"chart narrow\" role=\"img\""))
    #expect(svg.contains("<title>Kết quả xếp loại</title>"))
    #expect(
      svg.contains(
        "<desc>Đảng viên: hoàn thành xuất sắc 2 (20,00%), hoàn thành tốt 6 (60,00%), hoàn thành 1 (10,00%), không hoàn thành 1 (10,00%).</desc>"
      ))
    // 460 units of bar: excellent 92 wide from 10, good 276 from 102, then 46 and 46.
    #expect(svg.contains("<rect x=\"10\" y=\"80\" width=\"92\" height=\"24\" fill=\"#0b3d66\""))
    #expect(svg.contains("<rect x=\"102\" y=\"80\" width=\"276\" height=\"24\" fill=\"#4f86c0\""))
    #expect(svg.contains("<rect x=\"378\" y=\"80\" width=\"46\" height=\"24\" fill=\"#b9d3ec\""))
    // A share is written on its segment only where it fits.
    #expect(!svg.contains(">10,00%</text>"))
    #expect(svg.contains(">60,00%</text>"))
    #expect(svg.contains("Đảng viên (10 được đánh giá)"))
  }

  @Test func aGroupWithNobodyEvaluatedSaysSoInsteadOfDividingByZero() {
    let svg = GradeDistributionChart.render(title: "x", rows: [.init(label: "Tổ chức đảng", counts: GradeCounts())])
      .markup
    #expect(svg.contains("chưa có kết quả"))
    #expect(!svg.contains("nan"))
  }

  @Test func theTargetChartDrawsTheTargetLineAndSaysWhetherEachBarReachesIt() {
    let svg = TargetChart.draw(
      title: "So với chỉ tiêu",
      bars: [.init(label: "Đảng viên", part: 8, whole: 10), .init(label: "Tổ chức đảng", part: 9, whole: 10)],
      target: 90, width: SVGFrame.narrow
    ).markup
    // The track is 460 wide from 10: the target at 10 + 414.
    #expect(svg.contains("<line x1=\"424\""))
    #expect(svg.contains("stroke-dasharray"))
    #expect(svg.contains(">Chỉ tiêu 90%</text>"))
    #expect(svg.contains("width=\"368\" height=\"22\" fill=\"#4f86c0\""))
    #expect(svg.contains(">80,00% · chưa đạt</text>"))
    #expect(svg.contains(">90,00% · đạt</text>"))
    #expect(svg.contains("Đảng viên: 8/10, chiếm 80,00%, chưa đạt"))
  }

  @Test func theTrendPlacesEachYearsShareOnTheScale() {
    let svg = TrendChart.draw(
      title: "Qua các năm",
      points: [
        .init(
          year: 2022, members: GradeCounts(excellent: 0, good: 10, complete: 0, notComplete: 0),
          organisations: GradeCounts()),
        .init(
          year: 2023, members: counts, organisations: GradeCounts(excellent: 1, good: 2, complete: 1, notComplete: 0)),
      ], target: 90, width: SVGFrame.narrow
    ).markup
    #expect(svg.contains(">2022</text>"))
    #expect(svg.contains(">2023</text>"))
    #expect(svg.contains("Năm 2022: đảng viên 100,00%, tổ chức đảng chưa có kết quả"))
    #expect(svg.contains("Năm 2023: đảng viên 80,00%, tổ chức đảng 75,00%"))
    // 0–100% over 190 units from y=230: 80% at 78, the 90% target at 59.
    #expect(svg.contains("y=\"78\" width=\"36\" height=\"152\""))
    #expect(svg.contains("<line x1=\"44\" y1=\"59\" x2=\"470\" y2=\"59\" stroke=\"#a50e0e\""))
  }

  @Test func theComparisonScalesBothPeriodsToTheLargestFigure() {
    let svg = ComparisonChart.draw(
      title: "So với cùng kỳ", currentLabel: "năm 2024", previousLabel: "năm 2023",
      pairs: [.init(label: "Kết nạp", current: 1_500, previous: 3_000)], width: SVGFrame.narrow
    ).markup
    #expect(svg.contains("width=\"195\" height=\"15\" fill=\"#0b3d66\""))
    #expect(svg.contains("width=\"390\" height=\"15\" fill=\"#b9d3ec\""))
    #expect(svg.contains(">1.500</text>"))
    #expect(svg.contains("Kết nạp: 1.500, cùng kỳ 3.000 (giảm 1.500)"))
  }

  @Test func everyLabelIsEscaped() {
    let name = "<script>alert(\"x\")</script> & 'y'"
    let charts = [
      GradeDistributionChart.render(title: name, rows: [.init(label: name, counts: counts)]),
      TargetChart.render(title: name, bars: [.init(label: name, part: 1, whole: 2)], target: 90),
      ComparisonChart.render(
        title: name, currentLabel: name, previousLabel: name, pairs: [.init(label: name, current: 1, previous: 2)]),
    ]
    for chart in charts {
      #expect(!chart.markup.contains("<script>"))
      #expect(chart.markup.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"))
    }
  }

  @Test func coordinatesAreShortAndUseADot() {
    #expect(SVGFrame.n(12) == "12")
    #expect(SVGFrame.n(12.345) == "12.3")
    #expect(SVGFrame.n(0.05) == "0.1")
  }
}
