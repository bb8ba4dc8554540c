/// The parts every report document shares: number and symbol, place and date, recipients, signature,
/// and the narrative cut into paragraphs.
extension PartyReportDocument {
  /// A report of `issuer` with the clerk's `options`, its subject, the narrative and the tables.
  init(
    issuer: IssuingCommittee, options: PartyReportOptions, subject: String, narrative: String, tables: [Table],
    reportsTo: String
  ) {
    var body = Self.paragraphs(of: narrative).map(Block.paragraph)
    for table in tables { body += [.heading(table.caption), .table(table)] }
    self.init(
      issuer: issuer, numberAndSymbol: Self.numberAndSymbol(options.number, symbol: issuer.symbol),
      placeAndDate: Self.placeAndDate(issuer.place, date: options.date, year: options.year), subject: subject,
      body: body, recipients: Self.recipients(issuer, reportsTo: reportsTo),
      signature: Signature(
        onBehalfOf: issuer.onBehalfOf, post: options.signerPost.isEmpty ? "BÍ THƯ" : options.signerPost,
        name: options.signerName))
  }

  /// Each line of the drafted text is a paragraph of the document (the list items of a part too), so the
  /// document says word for word what `--format text` prints.
  static func paragraphs(of narrative: String) -> [String] {
    narrative.split(separator: "\n").map { PartyReportText.trimmed(String($0)) }.filter { !$0.isEmpty }
  }

  /// "Số 12-BC/TU"; without a number, spaces where the clerk writes it (36-HD/VPTW leaves no colon after "Số").
  static func numberAndSymbol(_ number: String?, symbol: String) -> String {
    "Số \(number ?? "      ")-BC/\(symbol)"
  }

  /// "Kiên Giang, ngày 05 tháng 02 năm 2024": days below 10 and the months January and February take a
  /// leading zero, as 36-HD/VPTW asks; without a date, blanks for the day and month of signing.
  static func placeAndDate(_ place: String, date: Day?, year: Int) -> String {
    guard let date else { return "\(place), ngày      tháng      năm \(year)" }
    let (y, m, d) = date.components
    return "\(place), ngày \(d < 10 ? "0" : "")\(d) tháng \(m < 3 ? "0" : "")\(m) năm \(y)"
  }

  /// Up to the commission that asked for the report, across to the standing committee and the units
  /// below, and the file copy kept by the office; each line can be edited in Word before it is sent.
  static func recipients(_ issuer: IssuingCommittee, reportsTo: String) -> [String] {
    let office = issuer.symbol == "CB" ? "Lưu chi bộ." : "Lưu Văn phòng \(issuer.shortName)."
    var lines = ["- \(reportsTo) (báo cáo),"]
    if issuer.symbol != "CB" { lines.append("- Thường trực \(issuer.shortName),") }
    lines += ["- Các tổ chức đảng trực thuộc,", "- \(office)"]
    return lines
  }
}
