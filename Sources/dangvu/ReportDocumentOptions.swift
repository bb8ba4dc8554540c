import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

/// What `--format docx` takes besides the report: the number, the date and the signer, each left blank
/// for the clerk when not given.
struct ReportDocumentOptions: ParsableArguments {
  @Option(help: "docx: the document's number (\"12\" gives Số 12-BC/TU); left blank to fill in by hand.")
  var number: String?
  @Option(help: "docx: the date of signing (dd/mm/yyyy or yyyy-mm-dd); the day and month left blank otherwise.")
  var date: String?
  @Option(help: "docx: the signer's post, e.g. \"Phó Bí thư\" (default Bí thư).") var signerPost: String?
  @Option(help: "docx: the signer's name; left blank otherwise.") var signerName: String?

  func options() throws -> PartyReportOptions {
    var day: Day?
    if let date {
      guard let parsed = Day(parsing: date) else {
        throw DomainError("document.date", "Không đọc được ngày --date \"\(date)\": hãy ghi dd/mm/yyyy.")
      }
      day = parsed
    }
    return try PartyReportOptions(
      number: number, date: day, year: Day.today.year, signerPost: signerPost, signerName: signerName)
  }
}

/// How a report becomes its Word document: the issuer from the store, as the tree stood at the period's end.
struct ReportDocumentSource<Report> {
  var store: any PartyStore
  var scope: String?
  var day: Day?
  var build: (Report, IssuingCommittee, PartyReportOptions) -> PartyReportDocument

  func document(_ report: Report, options: PartyReportOptions) async throws -> PartyReportDocument {
    let issuer = try await store.reportIssuer(scope: scope, on: min(day ?? Day.today, Day.today))
    return build(report, issuer, options)
  }
}
