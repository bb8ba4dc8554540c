import DangVuCore

/// Holds an import to the importer's subtree: every unit, member, collective and decision a row names must lie
/// inside it. Checked before the kind's own checks, and a file that reaches outside is refused on these issues
/// alone, so the other checks never describe a record the importer may not see. A code that does not exist reads
/// the same as one outside, so a file cannot be used to probe the rest of the tree.
enum ImportScope {
  static func issues<Column: FileColumn>(
    _ document: CSVDocument, _ column: Column.Type, within root: String, on day: Day, store: some PartyStore
  ) async throws -> [ImportIssue] {
    // A refused header is the kind's own issue to report.
    guard let header = try? Header<Column>(document.header) else { return [] }
    let referencing = Column.allCases.filter { $0.scopeReference != nil }
    var asked = ScopeReferences()
    var newUnits = Set<String>()
    for record in document.records {
      for column in referencing {
        let value = header.field(column, in: record)
        guard !value.isEmpty, let reference = column.scopeReference else { continue }
        switch reference {
        case .newUnit: newUnits.insert(value)
        case .unit, .parentUnit: asked.unitCodes.insert(value)
        case .member: asked.cardNumbers.insert(value)
        case .unitOrMember, .gradedSubject:
          asked.unitCodes.insert(value)
          asked.cardNumbers.insert(value)
          if reference == .gradedSubject, let id = Int64(value) { asked.collectiveIDs.insert(id) }
        case .disciplineDecision: asked.decisionNumbers.insert(value)
        }
      }
    }
    let outside = try await store.referencesOutside(asked, within: root, on: day)
    let account = "phạm vi của tài khoản (\(root))"
    var issues: [ImportIssue] = []
    for record in document.records {
      for column in referencing {
        let value = header.field(column, in: record)
        let message: String?
        switch column.scopeReference {
        case .parentUnit where value.isEmpty:
          message = "tài khoản chỉ thêm được tổ chức đảng vào dưới một đơn vị thuộc \(account): hãy ghi mã cấp trên."
        case _ where value.isEmpty, .newUnit, nil:
          message = nil
        case .parentUnit where newUnits.contains(value):
          message = nil
        case .unit, .parentUnit:
          message = outside.unitCodes.contains(value) ? "đơn vị \(value) không có trong \(account)." : nil
        case .member:
          message = outside.cardNumbers.contains(value) ? "không có đảng viên số thẻ \(value) trong \(account)." : nil
        case .unitOrMember, .gradedSubject:
          let isOutside =
            outside.unitCodes.contains(value) && outside.cardNumbers.contains(value)
            && (Int64(value).map(outside.collectiveIDs.contains) ?? true)
          message = isOutside ? "\(value) không phải đơn vị hay đảng viên trong \(account)." : nil
        case .disciplineDecision:
          message =
            outside.decisionNumbers.contains(value)
            ? "không có quyết định kỷ luật số \(value) trong \(account)." : nil
        }
        if let message {
          issues.append(ImportIssue(line: record.line, column: header.name(of: column), message))
        }
      }
    }
    return issues
  }
}
