import DangVuCore

/// The forms to record a discipline decision and a complaint: every problem beside its field, the values
/// typed kept.
enum OversightRecordFormView {
  static func discipline(
    _ input: DisciplineInput, problems: FieldProblems, categories: [ViolationCategory], csrf: HTML
  ) -> HTML {
    let forms = DisciplineForm.allCases.map { form -> HTML in
      "<option value=\"\(form.rawValue)\"\(selected(input.form == form.rawValue))>\(form.nameVi)</option>"
    }
    let chosen = Set(input.categories ?? [])
    let boxes = categories.map { c -> HTML in
      """
      <label class="check"><input type="checkbox" name="categories[]" value="\(c.code)"\
      \(HTML(stringLiteral: chosen.contains(c.code) ? " checked" : ""))> \(c.nameVi)</label>
      """
    }
    return Layout.page(
      title: "Ghi quyết định kỷ luật",
      body: """
        <h1>Ghi quyết định kỷ luật</h1>
        \(general(problems))
        <form class="stacked" method="post" action="/kiem-tra-ky-luat/ky-luat">\(csrf)
        \(subjectFields(kind: input.subjectKind, key: input.subject, problems: problems))
        <label for="form">Hình thức kỷ luật</label>
        <select id="form" name="form"><option value="">— chọn —</option>\(forms)</select>\(problem(problems, "form"))
        <fieldset><legend>Nội dung vi phạm</legend>\(boxes)</fieldset>\(problem(problems, "categories"))
        <label for="organ">Cơ quan quyết định</label>
        <select id="organ" name="organ">\(organs(input.organ))</select>\(problem(problems, "organ"))
        \(text("bodyCode", "Mã tổ chức đảng của cơ quan quyết định", input.bodyCode, problems))
        \(text("number", "Số quyết định (ví dụ 12-QĐ/UBKT)", input.number, problems))
        \(text("decided", "Ngày quyết định (31/12/2023)", input.decided, problems))
        \(text("violated", "Ngày vi phạm", input.violated, problems))
        <label class="check"><input type="checkbox" name="selfCorrected" value="on"\
        \(HTML(stringLiteral: input.selfCorrected != nil ? " checked" : ""))> Tổ chức đảng tự phát hiện và khắc phục</label>
        \(text("note", "Ghi chú", input.note, problems))
        <button type="submit">Lưu quyết định</button>
        </form>
        """)
  }

  static func inspection(_ input: InspectionInput, problems: FieldProblems, csrf: HTML) -> HTML {
    let kinds = OversightKind.allCases.map { kind -> HTML in
      "<option value=\"\(kind.code)\"\(selected(input.kind == kind.code))>\(kind.nameVi)</option>"
    }
    return Layout.page(
      title: "Ghi cuộc kiểm tra, giám sát",
      body: """
        <h1>Ghi cuộc kiểm tra, giám sát</h1>
        \(general(problems))
        <form class="stacked" method="post" action="/kiem-tra-ky-luat/kiem-tra">\(csrf)
        <label for="kind">Loại</label><select id="kind" name="kind">\(kinds)</select>\(problem(problems, "kind"))
        <label for="organ">Chủ thể tiến hành</label>
        <select id="organ" name="organ">\(organs(input.organ))</select>\(problem(problems, "organ"))
        \(text("bodyCode", "Mã tổ chức đảng của chủ thể", input.bodyCode, problems))
        \(text("title", "Nội dung", input.title, problems))
        \(text("started", "Ngày bắt đầu (31/12/2023)", input.started, problems))
        \(area("memberSubjects", "Đảng viên là đối tượng: số thẻ, mỗi dòng một người", input.memberSubjects, problems))
        \(area("unitSubjects", "Tổ chức đảng là đối tượng: mã, mỗi dòng một tổ chức", input.unitSubjects, problems))
        <button type="submit">Lưu cuộc kiểm tra, giám sát</button>
        </form>
        """)
  }

  private static func area(_ name: String, _ label: String, _ value: String, _ problems: FieldProblems) -> HTML {
    """
    <label for="\(name)">\(label)</label>
    <textarea id="\(name)" name="\(name)" rows="3">\(value)</textarea>\(problem(problems, name))
    """
  }

  static func complaint(_ input: ComplaintInput, problems: FieldProblems, csrf: HTML) -> HTML {
    let kinds = Complaint.Kind.allCases.map { kind -> HTML in
      "<option value=\"\(kind.rawValue)\"\(selected(input.kind == kind.rawValue))>\(kind.nameVi)</option>"
    }
    return Layout.page(
      title: "Ghi đơn khiếu nại, tố cáo",
      body: """
        <h1>Ghi đơn khiếu nại, tố cáo</h1>
        \(general(problems))
        <form class="stacked" method="post" action="/kiem-tra-ky-luat/don">\(csrf)
        <label for="kind">Loại đơn</label><select id="kind" name="kind">\(kinds)</select>\(problem(problems, "kind"))
        \(subjectFields(kind: input.subjectKind, key: input.subject, problems: problems))
        \(text("received", "Ngày nhận đơn (31/12/2023)", input.received, problems))
        \(text("summary", "Tóm tắt nội dung", input.summary, problems))
        <button type="submit">Lưu đơn</button>
        </form>
        """)
  }

  private static func subjectFields(kind: String, key: String, problems: FieldProblems) -> HTML {
    """
    <label for="subjectKind">Đối tượng là</label>
    <select id="subjectKind" name="subjectKind">\
    <option value="member"\(selected(kind != "unit"))>đảng viên (nhập số thẻ)</option>\
    <option value="unit"\(selected(kind == "unit"))>tổ chức đảng (nhập mã)</option></select>
    \(text("subject", "Số thẻ đảng viên hoặc mã tổ chức", key, problems))
    """
  }

  private static func organs(_ chosen: String) -> HTML {
    let options = ConductingBody.Organ.allCases.map { organ -> HTML in
      "<option value=\"\(organ.rawValue)\"\(selected(chosen == organ.rawValue))>\(organ.nameVi)</option>"
    }
    return "\(options)"
  }

  private static func text(_ name: String, _ label: String, _ value: String, _ problems: FieldProblems) -> HTML {
    let invalid: HTML = problems[name] != nil ? " aria-invalid=\"true\"" : .empty
    return """
      <label for="\(name)">\(label)</label>
      <input id="\(name)" name="\(name)" value="\(value)"\(invalid)>\(problem(problems, name))
      """
  }

  static func problem(_ problems: FieldProblems, _ field: String) -> HTML {
    problems[field].map { "<span class=\"field-error\" role=\"alert\">\($0)</span>" } ?? .empty
  }

  private static func general(_ problems: FieldProblems) -> HTML {
    if let general = problems.general { return "<p class=\"notice\" role=\"alert\">\(general)</p>" }
    if !problems.fields.isEmpty {
      return "<p class=\"notice\" role=\"alert\">Chưa lưu: hãy sửa các ô có ghi chú màu đỏ.</p>"
    }
    return .empty
  }

  private static func selected(_ yes: Bool) -> HTML { yes ? " selected" : .empty }
}
