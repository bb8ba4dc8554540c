import DangVuCore

/// The posts file (chức vụ): who held which leading post in which unit, from a day until a day. Each row is checked
/// by `PostRules` as a page's post is, in one transaction for the whole file (docs/import-formats.md).
public enum PostsFile {
  enum Column: Int, FileColumn {
    case cardNumber, organisationCode, post, from, until, note

    var vietnamese: String {
      switch self {
      case .cardNumber: "so_the"
      case .organisationCode: "ma_to_chuc"
      case .post: "chuc_vu"
      case .from: "ngay_bat_dau"
      case .until: "ngay_thoi_giu"
      case .note: "ghi_chu"
      }
    }

    var english: String {
      switch self {
      case .cardNumber: "card_number"
      case .organisationCode: "org_code"
      case .post: "post"
      case .from: "from"
      case .until: "until"
      case .note: "note"
      }
    }

    var isRequired: Bool { self != .until && self != .note }

    var scopeReference: ScopeReference? {
      switch self {
      case .cardNumber: .member
      case .organisationCode: .unit
      default: nil
      }
    }
  }

  /// A post's kind as a file names it: its code ("secretary") or its name, marks optional ("Bi thu").
  static func kind(_ text: String, among kinds: [PostKind]) -> PostKind? {
    let folded = SearchFolding.fold(text)
    return kinds.first { $0.code == text || SearchFolding.fold($0.nameVi) == folded }
  }

  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    let kinds = try await store.postKinds()
    var batch: [NewPost] = []
    var lines: [Int] = []
    for record in document.records {
      let before = parser.issues.count
      let card = parser.text(.cardNumber, record, required: true)
      let code = parser.text(.organisationCode, record, required: true)
      let kindText = parser.text(.post, record, required: true)
      let from = parser.day(.from, record, required: true)
      let until = parser.day(.until, record)
      let note = parser.text(.note, record) ?? ""
      var kind: PostKind?
      if let kindText {
        kind = Self.kind(kindText, among: kinds)
        if kind == nil {
          parser.report(
            record, .post,
            "\"\(kindText)\" không phải chức vụ đã khai báo; dùng: \(kinds.map(\.code).joined(separator: ", ")).")
        }
      }
      var memberID: Int64?
      if let card {
        memberID = try await store.member(cardNumber: card)?.id
        if memberID == nil { parser.report(record, .cardNumber, "không có đảng viên số thẻ \(card).") }
      }
      guard parser.issues.count == before, let memberID, let code, let kind, case .value(let first) = from else {
        continue
      }
      var last: Day?
      if case .value(let day) = until { last = day }
      batch.append(
        NewPost(memberID: memberID, kindCode: kind.code, unitCode: code, from: first, until: last, note: note))
      lines.append(record.line)
    }
    return try await run.finish(issues: parser.issues, lines: lines, rows: batch.count) {
      try await store.importPosts(batch, audit: $0)
    }
  }
}
