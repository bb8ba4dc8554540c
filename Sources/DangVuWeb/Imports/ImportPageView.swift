import DangVuCore
import DangVuStore

/// The import page: pick a file and its kind; the check's preview (the first rows as read, every issue at its
/// row and column or cell, warnings) with the confirmation when nothing is wrong; then the progress of the write.
enum ImportPageView {
  /// What the person chose, kept when the form is shown again.
  struct Choice {
    var kind: ImportFileKind?
    var sheet = ""
    var year = ""
  }

  static func form(kinds: [ImportFileKind], choice: Choice, problems: [String: String] = [:], csrf: HTML) -> HTML {
    let options: [HTML] = kinds.map { kind in
      let selected: HTML = kind == choice.kind ? " selected" : .empty
      return "<option value=\"\(kind.rawValue)\"\(selected)>\(kind.nameVi)</option>"
    }
    func problem(_ field: String) -> HTML {
      problems[field].map { "<span class=\"field-error\" id=\"\(field)-loi\">\($0)</span>" } ?? .empty
    }
    return """
      <form class="stacked" method="post" action="\(Links.imports)" enctype="multipart/form-data">
      \(csrf)
      <label for="loai">Loại dữ liệu</label>
      <select id="loai" name="loai" required>\(options)</select>
      \(problem("loai"))
      <label for="tep">Tệp CSV hoặc Excel (.xlsx)</label>
      <input id="tep" name="tep" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
      \(problem("tep"))
      <label for="trang">Trang tính (Excel; để trống: trang đầu)</label>
      <input id="trang" name="trang" value="\(choice.sheet)">
      <label for="nam">Năm đánh giá (chỉ với tệp xếp loại)</label>
      <input id="nam" name="nam" inputmode="numeric" value="\(choice.year)">
      \(problem("nam"))
      <button type="submit">Kiểm tra tệp</button>
      </form>
      <p class="muted">DangVu đọc và kiểm tra cả tệp, cho xem trước các dòng và mọi lỗi; chưa ghi gì cho đến khi \
      bạn xác nhận. Mẫu tệp có ở trang <a href="\(Links.importTemplates)">Mẫu nhập</a>.</p>
      """
  }

  static func page(_ content: HTML) -> HTML {
    Layout.page(title: "Nhập tệp", body: "<h1>Nhập tệp dữ liệu</h1>\n\(content)")
  }

  /// The check's result: the confirmation (or why there is none), the issues, the warnings and the first rows.
  static func preview(
    _ outcome: ImportOutcome, fileName: String, kinds: [ImportFileKind], choice: Choice, csrf: HTML
  ) -> HTML {
    var parts: [HTML] = [
      """
      <p>Tệp <strong>\(fileName)</strong> · \(outcome.kind.nameVi) · \
      \(VietnameseNumber.count(outcome.rows)) dòng · SHA-256 <code>\(outcome.sha256.prefix(16))…</code></p>
      """
    ]
    if outcome.isAccepted {
      parts.append(
        """
        <p class="notice">Tệp hợp lệ: \(VietnameseNumber.count(outcome.rows)) \(outcome.kind.rowNounVi) sẽ được ghi. \
        Chưa có gì được ghi.</p>
        <form method="post" action="\(Links.importConfirmation)">
        \(csrf)
        <input type="hidden" name="sha256" value="\(outcome.sha256)">
        <button type="submit">Xác nhận nhập \(VietnameseNumber.count(outcome.rows)) dòng</button>
        <a href="\(Links.imports(outcome.kind))">Chọn tệp khác</a>
        </form>
        """)
    } else {
      parts.append(
        """
        <p class="notice">Tệp có \(VietnameseNumber.count(outcome.issues.count)) lỗi nên chưa nhập được; không có gì \
        được ghi. Hãy sửa các lỗi dưới đây rồi tải lên lại cả tệp.</p>
        """)
      parts.append(issueTable(outcome.issues, id: "loi", caption: "Lỗi"))
    }
    if !outcome.warnings.isEmpty {
      parts.append(
        issueTable(outcome.warnings, id: "luu-y", caption: "Lưu ý (không chặn việc nhập): có thể trùng người"))
    }
    if let preview = outcome.preview { parts.append(previewTable(preview)) }
    if !outcome.isAccepted {
      parts.append("<h2>Tải lên lại</h2>")
      parts.append(form(kinds: kinds, choice: choice, csrf: csrf))
    }
    return page("\(parts)")
  }

  static func issueTable(_ issues: [ImportIssue], id: String, caption: String) -> HTML {
    let shown = issues.prefix(ImportError.printedLimit)
    let rows: [HTML] = shown.map { issue in
      "<tr><td>\(issue.place ?? "cả tệp")</td><td>\(issue.message)</td></tr>"
    }
    let more: HTML =
      issues.count > shown.count
      ? "<p class=\"muted\">… và \(VietnameseNumber.count(issues.count - shown.count)) mục khác.</p>" : .empty
    return """
      <h2>\(caption)</h2>
      <div class="table"><table id="\(id)"><thead><tr><th>Vị trí</th><th>Nội dung</th></tr></thead>
      <tbody>\(rows)</tbody></table></div>\(more)
      """
  }

  static func previewTable(_ preview: ImportPreview) -> HTML {
    let head: [HTML] = preview.columns.map { "<th>\($0)</th>" }
    let rows: [HTML] = preview.rows.map { row in
      let cells: [HTML] = row.cells.map { "<td>\($0)</td>" }
      let mark: HTML = row.hasIssue ? " class=\"bad\"" : .empty
      return "<tr\(mark)><td class=\"num\">\(row.line)</td>\(cells)</tr>"
    }
    return """
      <h2>Xem trước \(VietnameseNumber.count(preview.rows.count)) / \(VietnameseNumber.count(preview.totalRows)) dòng \
      đầu</h2>
      <div class="table"><table id="xem-truoc"><thead><tr><th class="num">Dòng</th>\(head)</tr></thead>
      <tbody>\(rows)</tbody></table></div>
      """
  }

  /// A running import's page reloads itself each second (no script runs on DangVu's pages); an ended one says what
  /// was written.
  static func progress(_ job: ImportJobs.Job) -> HTML {
    switch job.state {
    case .running(let progress):
      let percent = Int(progress.fraction * 100)
      return Layout.page(
        title: "Đang nhập tệp", head: "<meta http-equiv=\"refresh\" content=\"1\">",
        body: """
          <h1>Đang nhập tệp \(job.fileName)</h1>
          <p>\(progress.phase.prefix(1).uppercased() + progress.phase.dropFirst()): \(percent)%</p>
          <progress id="tien-do" max="100" value="\(percent)">\(percent)%</progress>
          <p class="muted">Trang tự cập nhật mỗi giây. Tệp được ghi trọn vẹn hoặc không ghi gì.</p>
          """)
    case .finished(let outcome) where outcome.written:
      return page(
        """
        <p class="notice" id="ket-qua">Đã nhập \(VietnameseNumber.count(outcome.rows)) \(outcome.kind.rowNounVi) \
        từ tệp \(job.fileName).</p>
        <p><a href="\(Links.imports)">Nhập tệp khác</a> · <a href="\(Links.home())">Cây tổ chức</a></p>
        """)
    case .finished(let outcome):
      return page(
        """
        <p class="notice" id="ket-qua">Không nhập tệp \(job.fileName): cơ sở dữ liệu đã thay đổi từ lúc kiểm tra. \
        Không có gì được ghi.</p>
        \(issueTable(outcome.issues, id: "loi", caption: "Lỗi"))
        <p><a href="\(Links.imports(outcome.kind))">Kiểm tra lại tệp</a></p>
        """)
    case .failed(let message):
      return page(
        """
        <p class="notice" id="ket-qua">Không nhập được tệp \(job.fileName): \(message) Không có gì được ghi.</p>
        <p><a href="\(Links.imports(job.kind))">Thử lại</a></p>
        """)
    }
  }
}
