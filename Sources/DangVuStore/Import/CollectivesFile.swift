import DangVuCore

/// The collectives file (tập thể lãnh đạo): a unit's leadership collectives for a term and their members, one row
/// per member (or one row without a member for a collective alone). Rows naming the same unit, name and first day
/// of term are one collective. Each row is checked by `CollectiveRules` as the unit's page checks it, in one
/// transaction for the whole file (docs/import-formats.md).
public enum CollectivesFile {
  enum Column: Int, FileColumn {
    case organisationCode, name, kind, from, until, cardNumber, seatFrom, seatUntil

    var vietnamese: String {
      switch self {
      case .organisationCode: "ma_to_chuc"
      case .name: "ten_tap_the"
      case .kind: "loai_tap_the"
      case .from: "ngay_bat_dau"
      case .until: "ngay_ket_thuc"
      case .cardNumber: "so_the"
      case .seatFrom: "ngay_tham_gia"
      case .seatUntil: "ngay_thoi_tham_gia"
      }
    }

    var english: String {
      switch self {
      case .organisationCode: "org_code"
      case .name: "name"
      case .kind: "kind"
      case .from: "from"
      case .until: "until"
      case .cardNumber: "card_number"
      case .seatFrom: "member_from"
      case .seatUntil: "member_until"
      }
    }

    var isRequired: Bool { [.organisationCode, .name, .kind, .from].contains(self) }

    var scopeReference: ScopeReference? {
      switch self {
      case .organisationCode: .unit
      case .cardNumber: .member
      default: nil
      }
    }
  }

  /// A collective's kind as a file names it: its code ("standingCommittee") or its name, marks optional.
  static func kind(_ text: String) -> CollectiveKind? {
    let folded = SearchFolding.fold(text)
    return CollectiveKind.standard.first { $0.code == text || SearchFolding.fold($0.nameVi) == folded }
  }

  static func importing(_ document: CSVDocument, run: ImportRun, into store: some PartyStore) async throws -> Int {
    let header = try Header<Column>(document.header)
    var parser = RowParser(header: header, issues: document.issues)
    var rows: [CollectiveFileRow] = []
    var lines: [Int] = []
    for record in document.records {
      let before = parser.issues.count
      let code = parser.text(.organisationCode, record, required: true)
      let name = parser.text(.name, record, required: true)
      let kindText = parser.text(.kind, record, required: true)
      let from = parser.day(.from, record, required: true)
      let until = parser.day(.until, record)
      let card = parser.text(.cardNumber, record)
      let seatFrom = parser.day(.seatFrom, record)
      let seatUntil = parser.day(.seatUntil, record)
      var kind: CollectiveKind?
      if let kindText {
        kind = Self.kind(kindText)
        if kind == nil {
          parser.report(
            record, .kind,
            "\"\(kindText)\" không phải loại tập thể đã khai báo; dùng: "
              + CollectiveKind.standard.map(\.nameVi).joined(separator: ", ") + ".")
        }
      }
      var memberID: Int64?
      if let card {
        memberID = try await store.member(cardNumber: card)?.id
        if memberID == nil { parser.report(record, .cardNumber, "không có đảng viên số thẻ \(card).") }
      } else if !seatFrom.isAbsent || !seatUntil.isAbsent {
        parser.report(record, .cardNumber, "ghi ngày tham gia thì phải ghi số thẻ của đảng viên.")
      }
      guard parser.issues.count == before, let code, let name, let kind, let first = from.value else { continue }
      let collective = NewCollective(
        unitCode: code, name: name, kindCode: kind.code, formed: first, ended: until.value)
      let seat = memberID.map {
        NewCollectiveSeat(collectiveID: 0, memberID: $0, from: seatFrom.value ?? first, until: seatUntil.value)
      }
      rows.append(CollectiveFileRow(collective: collective, seat: seat))
      lines.append(record.line)
    }
    return try await run.finish(issues: parser.issues, lines: lines, rows: rows.count) {
      try await store.importCollectives(rows, audit: $0)
    }
  }
}
