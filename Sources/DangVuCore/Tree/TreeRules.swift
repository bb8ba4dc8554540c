/// The checks every change to the tree passes before it is written. Pure: the store hands in
/// the tree as it stands on the day of the change.
public enum TreeRules {
  /// A new unit: a unique code, a real name, and a parent of a kind that may hold it on its founding day.
  public static func checkNew(
    code: String, name: String, kind: UnitKind, parent: Organisation?, founded: Day, kinds: UnitKindTable,
    codeTaken: Bool
  ) throws(DomainError) {
    try checkCode(code)
    if codeTaken {
      throw DomainError("organisation.duplicateCode", "Mã tổ chức \"\(code)\" đã có; hãy dùng mã khác.")
    }
    if name.trimmingCharacters(in: " \t").isEmpty {
      throw DomainError("organisation.nameMissing", "Tên tổ chức \(code) không được để trống.")
    }
    try TextRules.check(name, .unitName)
    guard kinds.definition(of: kind) != nil else {
      throw DomainError(
        "organisation.unknownKind",
        "Loại tổ chức \"\(kind.code)\" không có trong bảng loại hình; các loại hợp lệ: "
          + kinds.kinds.map(\.kind.code).joined(separator: ", ") + ".")
    }
    if let parent, !parent.exists(on: founded) {
      throw DomainError(
        "organisation.parentNotExisting",
        "Tổ chức cấp trên \(parent.code) không tồn tại vào ngày \(founded.vietnamese).")
    }
    try checkPlacement(kind: kind, code: code, under: parent, on: founded, kinds: kinds)
  }

  /// Moving a unit under a new parent from `day`: the parent must exist, accept the kind, and not
  /// sit inside the unit being moved.
  public static func checkMove(
    _ unit: Organisation, under newParent: Organisation, on day: Day, tree: OrganisationTree,
    kinds: UnitKindTable
  ) throws(DomainError) {
    guard unit.exists(on: day) else {
      throw DomainError(
        "organisation.notExisting", "Tổ chức \(unit.code) không tồn tại vào ngày \(day.vietnamese).")
    }
    guard newParent.exists(on: day) else {
      throw DomainError(
        "organisation.parentNotExisting",
        "Tổ chức cấp trên \(newParent.code) không tồn tại vào ngày \(day.vietnamese).")
    }
    if newParent.id == unit.id || tree.isDescendant(newParent.id, of: unit.id) {
      throw DomainError(
        "organisation.cycle",
        "Không thể chuyển \(unit.code) vào \(newParent.code): \(newParent.code) nằm trong chính \(unit.code).")
    }
    try checkPlacement(kind: unit.kind, code: unit.code, under: newParent, on: day, kinds: kinds)
  }

  /// Ending a unit on `day`: it must exist then and have started before.
  public static func checkEnd(_ unit: Organisation, on day: Day) throws(DomainError) {
    guard unit.ended == nil else {
      throw DomainError(
        "organisation.alreadyEnded", "Tổ chức \(unit.code) đã chấm dứt từ ngày \(unit.ended!.vietnamese).")
    }
    guard unit.founded < day else {
      throw DomainError(
        "organisation.endBeforeFounding",
        "Ngày chấm dứt \(day.vietnamese) phải sau ngày thành lập \(unit.founded.vietnamese) của \(unit.code).")
    }
  }

  /// A new name from `day`: the unit exists then, the name is a real one and differs from the name it has then,
  /// and no later name is recorded (names are written in the order of their dates, as parents are).
  public static func checkRename(_ unit: Organisation, to name: String, on day: Day, names: [NamePeriod])
    throws(DomainError)
  {
    if name.trimmingCharacters(in: " \t").isEmpty {
      throw DomainError("organisation.nameMissing", "Tên mới của \(unit.code) không được để trống.")
    }
    try TextRules.check(name, .unitName)
    guard unit.founded < day, unit.ended.map({ day < $0 }) ?? true else {
      throw DomainError(
        "organisation.notExisting",
        "\(unit.code) không tồn tại vào ngày \(day.vietnamese) (thành lập \(unit.founded.vietnamese)"
          + (unit.ended.map { ", chấm dứt \($0.vietnamese)" } ?? "") + "); đổi tên phải sau ngày thành lập.")
    }
    if let latest = names.last, latest.from >= day {
      throw DomainError(
        "organisation.laterChange",
        "\(unit.code) đã có tên “\(latest.name)” từ ngày \(latest.from.vietnamese); hãy ghi các lần đổi tên theo thứ tự ngày."
      )
    }
    let current = names.last { $0.holds(on: day) }?.name ?? unit.name
    if current == name {
      throw DomainError("organisation.sameName", "\(unit.code) đã mang tên “\(name)” vào ngày \(day.vietnamese).")
    }
  }

  static func checkCode(_ code: String) throws(DomainError) {
    let ok =
      !code.isEmpty && code.count <= 40
      && code.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
      }
    if !ok {
      throw DomainError(
        "organisation.badCode",
        "Mã tổ chức \"\(code)\" không hợp lệ: chỉ dùng chữ không dấu, số và . _ - (tối đa 40 ký tự).")
    }
  }

  static func checkPlacement(
    kind: UnitKind, code: String, under parent: Organisation?, on day: Day, kinds: UnitKindTable
  ) throws(DomainError) {
    guard !kinds.allows(child: kind, under: parent?.kind, on: day) else { return }
    let allowed = kinds.allowedParents(of: kind, on: day).map { $0.map { kinds.nameVi(of: $0) } ?? "(cấp cao nhất)" }
    let here = parent.map { "\(kinds.nameVi(of: $0.kind)) \($0.code)" } ?? "cấp cao nhất"
    throw DomainError(
      "organisation.kindNotAllowed",
      "\(kinds.nameVi(of: kind).capitalisedFirst) \(code) không thể trực thuộc \(here) vào ngày \(day.vietnamese); "
        + "chỉ được trực thuộc: \(allowed.isEmpty ? "không loại nào" : allowed.joined(separator: "; ")).")
  }
}

extension String {
  /// The text with its first letter capitalised: a name that opens a sentence (the demo's unit names use it too).
  public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
