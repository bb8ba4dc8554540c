/// What a change to the tree will do, counted on the tree as it stands on the change's day, and said in one
/// Vietnamese sentence: "KG.01.003 cùng 4 tổ chức trực thuộc và 87 đảng viên chuyển về trực thuộc KG.02 từ
/// ngày 01/07/2025." The person confirms this sentence; the audit entry keeps it.
public struct TreeChangePreview: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case found, rename, move, merge, dissolve
  }

  public struct Unit: Hashable, Sendable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
      self.code = code
      self.name = name
    }
  }

  public var kind: Kind
  public var unit: Unit
  /// The parent (found, move) or the unit merged into (merge).
  public var other: Unit?
  /// A rename's name before and after; a new unit's name is in `newName` too.
  public var previousName: String?
  public var newName: String?
  public var day: Day
  /// Units below the unit on the day (they move or end with it).
  public var unitsBelow: Int
  /// Members in the unit and below it on the day; for a merge, those of the unit itself, who transfer.
  public var members: Int
  public var summary: String

  public init(
    kind: Kind, unit: Unit, other: Unit? = nil, previousName: String? = nil, newName: String? = nil, day: Day,
    unitsBelow: Int = 0, members: Int = 0
  ) {
    self.kind = kind
    self.unit = unit
    self.other = other
    self.previousName = previousName
    self.newName = newName
    self.day = day
    self.unitsBelow = unitsBelow
    self.members = members
    self.summary = ""
    self.summary = sentence
  }

  /// The sentence a person confirms. Parts that are zero are left out: "cùng 0 đảng viên" reads as a mistake.
  var sentence: String {
    let date = day.vietnamese
    let target = other.map { "\($0.code) \($0.name)" } ?? ""
    switch kind {
    case .found:
      // A unit founded with no parent is the top of the tree (a province, founded on the command line).
      guard other != nil else { return "Thành lập \(unit.name) (\(unit.code)), cấp cao nhất, từ ngày \(date)." }
      return "Thành lập \(unit.name) (\(unit.code)) trực thuộc \(target) từ ngày \(date)."
    case .rename:
      return "\(unit.code) đổi tên từ “\(previousName ?? unit.name)” thành “\(newName ?? "")” từ ngày \(date); "
        + "tên cũ được giữ trong lịch sử."
    case .move:
      return "\(unit.code) \(unit.name)\(along) chuyển về trực thuộc \(target) từ ngày \(date)."
    case .merge:
      var effects: [String] = []
      if unitsBelow > 0 { effects.append("\(count(unitsBelow)) tổ chức trực thuộc chuyển về trực thuộc \(target)") }
      if members > 0 { effects.append("\(count(members)) đảng viên chuyển sinh hoạt đảng về \(target)") }
      effects.append("\(unit.code) chấm dứt hoạt động")
      return "\(unit.code) \(unit.name) sáp nhập vào \(target) từ ngày \(date): "
        + effects.joined(separator: "; ") + "."
    case .dissolve:
      return "\(unit.code) \(unit.name)\(along) chấm dứt hoạt động từ ngày \(date)."
    }
  }

  private var along: String {
    var parts: [String] = []
    if unitsBelow > 0 { parts.append("\(count(unitsBelow)) tổ chức trực thuộc") }
    if members > 0 { parts.append("\(count(members)) đảng viên") }
    return parts.isEmpty ? "" : " cùng " + parts.joined(separator: " và ")
  }

  private func count(_ n: Int) -> String { VietnameseNumber.count(n) }
}
