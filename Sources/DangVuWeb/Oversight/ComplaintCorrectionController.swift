import DangVuCore
import DangVuStore
import Foundation
import Hummingbird

/// A complaint's page (`/kiem-tra-ky-luat/don/{id}`) with its corrections, where the inspection staff correct one
/// entered wrongly; `/api/oversight/complaints/{id}/corrections` does the same in JSON. A complaint counted outside
/// the principal's subtree does not exist for them.
struct ComplaintCorrectionController {
  typealias Context = AppRequestContext
  let store: any OversightStore & AuditStore & AccessStore

  func addRoutes(to router: Router<Context>) {
    RecordCorrectionRoutes<ComplaintCorrectionSubmission>(store: store) {
      try await render($0, $1, $2, status: $3, typed: $4)
    }
    .addRoutes(to: router, page: "kiem-tra-ky-luat/don/:id", api: "api/oversight/complaints/:id/corrections")
  }

  private func render(
    _ c: Complaint, _ access: Access, _ context: Context, status: HTTPResponse.Status,
    typed: (fields: ComplaintCorrectionFields, problems: FieldProblems)? = nil
  ) async throws -> HTMLPage {
    let name: String
    switch c.subject {
    case .member(let id): name = try await store.memberWithVersion(id: id)?.member.fullName ?? "đảng viên \(id)"
    case .unit(let code): name = try await store.organisation(code: code)?.name ?? code
    }
    let history = CorrectionLine<Complaint>.table(
      try await CorrectionLine.load(action: "complaint.correct", subject: "complaint:\(c.id)", from: store),
      none: "Đơn chưa được sửa."
    ) {
      "\($0.kind.nameVi); \($0.summary); \($0.resolved?.vietnamese ?? "chưa giải quyết")\($0.finding.map { ", \($0.nameVi)" } ?? "")"
    }
    let fields = typed?.fields ?? ComplaintCorrectionFields(c)
    let e = typed?.problems ?? FieldProblems()
    let kinds = Complaint.Kind.allCases.map { k -> HTML in
      "<option value=\"\(k.rawValue)\"\(fields.kind == k.rawValue ? HTML(" selected") : .empty)>\(k.nameVi)</option>"
    }
    let findings = Complaint.Finding.allCases.map { f -> HTML in
      "<option value=\"\(f.rawValue)\"\(fields.finding == f.rawValue ? HTML(" selected") : .empty)>\(f.nameVi)</option>"
    }
    let form: HTML =
      access.principal.allows(.editOversight)
      ? """
      <h3>Sửa đơn ghi sai</h3>
      <form class="record" method="post" action="\(Links.correctComplaint(c.id))" id="sua">\(CSRF.field(context))
      \(FormField.wrap("kind", "Loại đơn", "<select id=\"f-kind\" name=\"kind\"\(FormField.described("kind", error: e["kind"]))>\(kinds)</select>", error: e["kind"]))
      \(FormField.textarea("summary", "Tóm tắt nội dung", value: fields.summary, error: e["summary"]))
      \(FormField.input("resolved", "Ngày giải quyết (để trống nếu chưa giải quyết)", value: fields.resolved, error: e["resolved"]))
      \(FormField.wrap("finding", "Kết luận", "<select id=\"f-finding\" name=\"finding\"\(FormField.described("finding", error: e["finding"]))><option value=\"\">—</option>\(findings)</select>", error: e["finding"]))
      \(FormField.textarea("reason", "Lý do sửa", value: fields.reason, error: e["reason"]))
      <button type="submit">Lưu bản sửa</button></form>
      """ : .empty
    return HTMLPage(
      status: status,
      html: Layout.page(
        title: "Đơn \(c.kind.nameVi) số \(c.id)",
        body: """
          <style>\(MemberFormView.style)</style>
          <h1>Đơn \(c.kind.nameVi) số \(c.id)</h1>
          <dl><dt>Đối tượng</dt><dd>\(name)</dd><dt>Ngày nhận</dt><dd>\(c.received.vietnamese)</dd>\
          <dt>Tóm tắt</dt><dd>\(c.summary)</dd>\
          <dt>Giải quyết</dt><dd>\(c.resolved.map { "\($0.vietnamese): \(c.finding?.nameVi ?? "")" } ?? "chưa giải quyết")</dd></dl>
          <h2>Sửa đơn</h2>
          \(history)
          \(form)
          """))
  }
}
