import DangVuCore

enum MemberPageView {
  static func render(_ model: MemberPageModel) -> HTML {
    let member = model.member
    let crumbs: HTML =
      model.currentCell.map {
        "<nav class=\"crumbs\"><a href=\"\(Links.home())\">Cây tổ chức</a> › <a href=\"\(Links.unit($0.code))\">\($0.name)</a></nav>"
      } ?? .empty
    let edit: HTML =
      model.canEdit ? "<p><a href=\"\(Links.editMember(member.id))\">Sửa lý lịch</a></p>" : .empty
    return Layout.page(
      title: member.fullName,
      body: """
        <style>\(style)</style>
        \(crumbs)
        <h1>\(member.fullName)</h1>
        \(left(model))
        \(edit)
        <h2>Lý lịch</h2>
        \(identity(model))
        <h2>Sinh hoạt đảng</h2>
        \(standing(model))
        \(admission(model))
        \(posts(model))
        \(MemberLifecycleView.acts(model))
        <h2>Quá trình sinh hoạt đảng</h2>
        \(history(model))
        \(spans(model))
        \(MemberLifecycleView.corrections(model))
        """)
  }

  private static func left(_ model: MemberPageModel) -> HTML {
    if let exit = model.timeline.exit {
      return
        "<p class=\"notice\">Đã ra khỏi danh sách đảng viên ngày \(exit.date.vietnamese) (\(exit.kind.nameVi)).</p>"
    }
    if let away = model.timeline.awaySince {
      return "<p class=\"notice\">Đã chuyển sinh hoạt đảng ra ngoài tỉnh từ ngày \(away.date.vietnamese).</p>"
    }
    return .empty
  }

  private static func identity(_ model: MemberPageModel) -> HTML {
    let m = model.member
    let rows: [(String, String)] = [
      ("Họ và tên", m.fullName), ("Giới tính", m.gender.nameVi), ("Ngày sinh", m.birthDate.vietnamese),
      ("Dân tộc", m.ethnicity), ("Tôn giáo", m.religion), ("Số căn cước", model.nationalID ?? "chưa ghi"),
      ("Quê quán", m.homeTown), ("Số thẻ đảng viên", m.partyCardNumber ?? "chưa cấp"),
      ("Trình độ giáo dục phổ thông", m.education), ("Trình độ lý luận chính trị", m.politicalTheory),
      ("Nghề nghiệp", m.occupation),
    ]
    // An empty field says so, rather than leaving a gap a reader might take for a page error.
    return facts(rows.map { ($0.0, $0.1.isEmpty ? "<span class=\"muted\">chưa ghi</span>" : "\($0.1)" as HTML) })
  }

  private static func facts(_ rows: [(String, HTML)]) -> HTML {
    let items = rows.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>\n" as HTML }
    return "<dl class=\"facts\">\n\(items)</dl>"
  }

  static func cellLink(_ cell: MemberPageModel.CellRef?) -> HTML {
    guard let cell else { return "<span class=\"muted\">không rõ</span>" }
    return "<a href=\"\(Links.unit(cell.code))\">\(cell.name)</a>"
  }

  private static func standing(_ model: MemberPageModel) -> HTML {
    var rows: [(String, HTML)] = []
    if let span = model.currentSpan {
      rows.append(("Chi bộ", cellLink(model.cell(span.cellID))))
      rows.append(("Đảng viên", "\(span.standing.nameVi)"))
      if span.exempt { rows.append(("Miễn sinh hoạt", "miễn công tác và sinh hoạt đảng")) }
      if span.inTransit { rows.append(("Chuyển sinh hoạt", "đang chuyển sinh hoạt đảng, chưa được nơi đến tiếp nhận")) }
      if let letter = model.pendingLetter {
        rows.append(("Giấy giới thiệu", MemberLifecycleView.letter(letter, model)))
      }
    } else {
      rows.append(("Chi bộ", "<span class=\"muted\">không còn trong danh sách đảng viên</span>"))
    }
    if let admitted = model.timeline.admissionDate { rows.append(("Ngày kết nạp", "\(admitted.vietnamese)")) }
    if let official = model.timeline.officialDate {
      rows.append(("Ngày công nhận chính thức", "\(official.vietnamese)"))
    }
    switch ProbationStatus.of(model.timeline, on: model.today) {
    case .running(let ends)?: rows.append(("Dự bị", "đến ngày \(ends.vietnamese)"))
    case .overdue(let since)?:
      rows.append(
        ("Dự bị", "<strong>hết thời gian dự bị từ \(since.vietnamese), chưa có quyết định công nhận</strong>"))
    default: break
    }
    return facts(rows)
  }

  private static func admission(_ model: MemberPageModel) -> HTML {
    guard let admission = model.admission else { return .empty }
    let sponsors = model.sponsors.map { "<li><a href=\"\(Links.member($0.id))\">\($0.fullName)</a></li>" as HTML }
    return """
      <h2>Kết nạp</h2>
      \(facts([("Quyết định", "\(admission.decisionNumber)")]))
      <p>Người giới thiệu:</p>
      <ul>\(sponsors)</ul>
      """
  }

  private static func posts(_ model: MemberPageModel) -> HTML {
    let add: HTML =
      model.canRecordPosts
      ? "<p class=\"actions\"><a href=\"\(Links.newPost(member: model.member.id))\">Ghi chức vụ</a></p>" : .empty
    guard !model.posts.isEmpty else { return model.canRecordPosts ? "<h2>Chức vụ</h2>\n\(add)" : .empty }
    let rows = model.posts.map { record -> HTML in
      let post = record.post
      let end: HTML =
        model.canRecordPosts && post.until == nil && !record.unitCode.isEmpty
        ? " <a href=\"\(Links.endPost(member: model.member.id, post: post.id))\">Ghi ngày thôi giữ</a>" : .empty
      // A post typed as a free title before kinds may name no unit.
      let unit: HTML =
        record.unitCode.isEmpty ? "—" : "<a href=\"\(Links.unit(record.unitCode))\">\(record.unitName)</a>"
      return """
        <tr><td>\(record.title)</td><td>\(unit)</td>\
        <td>\(post.from.vietnamese)</td><td>\(post.until?.vietnamese ?? "nay")\(end)</td></tr>

        """
    }
    return """
      <h2>Chức vụ</h2>
      <div class="table"><table>
      <thead><tr><th>Chức vụ</th><th>Tổ chức</th><th>Từ ngày</th><th>Thôi giữ từ ngày</th></tr></thead>
      <tbody>
      \(rows)</tbody>
      </table></div>
      \(add)
      """
  }

  /// Every event, dated, in the order it happened.
  private static func history(_ model: MemberPageModel) -> HTML {
    guard !model.recorded.isEmpty else { return "<p class=\"muted\">Chưa ghi sự kiện nào.</p>" }
    let items = model.recorded.map { recorded -> HTML in
      let event = recorded.event
      let cell: HTML = event.cellID.map { " — \(cellLink(model.cell($0)))" } ?? .empty
      let note: HTML = event.note.isEmpty ? .empty : " <span class=\"muted\">(\(event.note))</span>"
      return
        "<li><time datetime=\"\(event.date.iso)\">\(event.date.vietnamese)</time> \(sentenceCase(event.kind.nameVi))\(cell)\(note)</li>\n"
    }
    return "<ol class=\"timeline\">\n\(items)</ol>"
  }

  /// Where the member stood, stretch by stretch: the register on any date follows from these.
  private static func spans(_ model: MemberPageModel) -> HTML {
    guard !model.timeline.spans.isEmpty else { return .empty }
    let rows = model.timeline.spans.map { span -> HTML in
      let notes = [span.exempt ? "miễn sinh hoạt" : nil, span.inTransit ? "đang chuyển sinh hoạt" : nil]
        .compactMap { $0 }.joined(separator: "; ")
      return """
        <tr><td>\(span.from.vietnamese)</td><td>\(span.until?.vietnamese ?? "nay")</td>\
        <td>\(cellLink(model.cell(span.cellID)))</td><td>\(span.standing.nameVi)</td><td>\(notes)</td></tr>

        """
    }
    return """
      <h2>Các giai đoạn sinh hoạt</h2>
      <div class="table"><table>
      <thead><tr><th>Từ ngày</th><th>Đến trước ngày</th><th>Chi bộ</th><th>Đảng viên</th><th>Ghi chú</th></tr></thead>
      <tbody>
      \(rows)</tbody>
      </table></div>
      """
  }

  static let style: HTML = """
    ol.timeline{list-style:none;padding-left:0;border-left:2px solid #e3e3e3;margin-left:.3rem}
    ol.timeline li{padding:.2rem 0 .2rem .8rem}
    ol.timeline time{font-variant-numeric:tabular-nums;color:#666;margin-right:.4rem}
    """

  static func sentenceCase(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
