/// The rules of the tree that read what is stored (a unit's links, its names, the members in its cells), as pure
/// functions of what the store read: every engine asks its own database and hands the answers here, so the rule
/// and its message are written once (docs/decisions/0038).
extension TreeRules {
  public static func unknownUnit(_ code: String) -> DomainError {
    DomainError("organisation.unknown", "Không tìm thấy tổ chức có mã \"\(code)\".")
  }

  public static func unknownParent(_ code: String) -> DomainError {
    DomainError("organisation.unknownParent", "Không tìm thấy tổ chức cấp trên có mã \"\(code)\".")
  }

  /// Parent links are written in the order of their dates: a move from `day` is refused when the unit already has
  /// a link starting that day or later (`latestLinkFrom`, the start of its newest link), which it would overlap.
  public static func checkInDateOrder(_ unit: Organisation, latestLinkFrom: Day?, movingOn day: Day)
    throws(DomainError)
  {
    guard let latestLinkFrom, latestLinkFrom >= day else { return }
    throw DomainError(
      "organisation.laterChange",
      "\(unit.code) đã có thay đổi cấp trên từ ngày \(day.vietnamese) trở về sau; hãy ghi các thay đổi theo thứ tự ngày."
    )
  }

  /// A merge joins two different units that both exist on its day.
  public static func checkMerge(_ source: Organisation, into target: Organisation, on day: Day) throws(DomainError) {
    guard source.id != target.id, source.exists(on: day), target.exists(on: day) else {
      throw DomainError(
        "organisation.badMerge",
        "Không thể sáp nhập \(source.code) vào \(target.code) ngày \(day.vietnamese): hai tổ chức phải khác nhau và cùng đang tồn tại."
      )
    }
  }

  /// A unit ends only once nobody is in the register in it or below it from `day` on (`remaining` members).
  public static func checkNoMembersRemain(_ unit: Organisation, remaining: Int, on day: Day) throws(DomainError) {
    guard remaining > 0 else { return }
    throw DomainError(
      "organisation.hasMembers",
      "Không thể chấm dứt \(unit.code) từ ngày \(day.vietnamese): còn \(remaining) đảng viên sinh hoạt tại đó "
        + "hoặc ở đơn vị trực thuộc; hãy chuyển sinh hoạt cho họ trước.")
  }

  /// What a merge writes in the register: each member in the merged cell on `day` transfers into the target that
  /// day, the note naming the merge.
  public static func mergeTransfers(
    of members: [Int64], from source: Organisation, into target: Organisation, on day: Day
  ) -> [MembershipEvent] {
    members.map {
      MembershipEvent(
        memberID: $0, kind: .transferred, date: day, cellID: target.id,
        note: "Sáp nhập \(source.code) vào \(target.code)")
    }
  }

  /// Every name the unit had, from the names stored for it (kept only once a unit is renamed, decision 0028): a
  /// unit never renamed has had one name since its founding.
  public static func nameHistory(of unit: Organisation, stored: [NamePeriod]) -> [NamePeriod] {
    stored.isEmpty ? [NamePeriod(name: unit.name, from: unit.founded)] : stored
  }

  /// The name the unit had on `day`, by its history.
  public static func name(of unit: Organisation, on day: Day, names: [NamePeriod]) -> String {
    names.last { $0.holds(on: day) }?.name ?? unit.name
  }

  /// A population row: a number of people, never negative, for a unit that exists (`unitExists`).
  public static func checkPopulation(_ row: Population, unitExists: Bool) throws(DomainError) {
    guard row.people >= 0 else {
      throw DomainError("population.negative", "Dân số không được âm (\(row.people)).")
    }
    guard unitExists else {
      throw DomainError("population.unknownUnit", "Không tìm thấy tổ chức của dòng dân số.")
    }
  }

  /// What is written with no unit to file its audit entry under (an import into an empty database).
  public static let noUnitForAudit = DomainError(
    "audit.noUnit",
    "Cơ sở dữ liệu chưa có tổ chức đảng nào, nên thay đổi này không có nơi để ghi nhật ký; không có gì được ghi. "
      + "Hãy thêm tổ chức cấp tỉnh trước (dangvu org add không có --parent, hoặc dangvu import organisations).")
}

extension TreeChangePreview.Unit {
  public init(_ unit: Organisation) { self.init(code: unit.code, name: unit.name) }
}
