/// A kind of leading post (chức vụ): bí thư, phó bí thư, cấp ủy viên, … A row of the store's `post_kind` table,
/// seeded with `PostKind.standard`; a new post is a new row, not new code.
public struct PostKind: Hashable, Sendable, Codable {
  /// "secretary", "deputySecretary", …: what files and the API name.
  public var code: String
  public var nameVi: String
  /// One holder per unit at a time (one bí thư of a cell), so a second overlapping holder is a mistake.
  public var singleHolder: Bool
  /// The kind may be recorded for posts starting from this day on (nil: always).
  public var validFrom: Day?
  /// Exclusive; nil while the kind is in use.
  public var validUntil: Day?

  public init(code: String, nameVi: String, singleHolder: Bool = false, validFrom: Day? = nil, validUntil: Day? = nil) {
    self.code = code
    self.nameVi = nameVi
    self.singleHolder = singleHolder
    self.validFrom = validFrom
    self.validUntil = validUntil
  }

  public func inForce(on day: Day) -> Bool {
    (validFrom.map { $0 <= day } ?? true) && (validUntil.map { day < $0 } ?? true)
  }

  /// The kind a free title names (the posts typed before kinds existed, as the demo's "Bí thư chi bộ" or "Phó Bí thư
  /// Đảng ủy"), so a secretary typed that way still counts as the unit's one secretary; nil for a title that names
  /// none of them.
  public static func inferred(fromTitle title: String) -> String? {
    let folded = SearchFolding.fold(title)
    let prefixes: [(String, String)] = [
      ("pho chu nhiem uy ban kiem tra", "inspectionDeputyChair"), ("chu nhiem uy ban kiem tra", "inspectionChair"),
      ("uy vien uy ban kiem tra", "inspectionMember"), ("uy vien ban thuong vu", "standingCommitteeMember"),
      ("pho bi thu", "deputySecretary"), ("bi thu", "secretary"), ("cap uy vien", "committeeMember"),
    ]
    return prefixes.first { folded.hasPrefix($0.0) }?.1
  }

  /// The posts of Điều lệ Đảng and Quy định 22-QĐ/TW (the inspection commission), as the store seeds them.
  public static let standard: [PostKind] = [
    PostKind(code: "secretary", nameVi: "Bí thư", singleHolder: true),
    PostKind(code: "deputySecretary", nameVi: "Phó Bí thư"),
    PostKind(code: "standingCommitteeMember", nameVi: "Ủy viên Ban Thường vụ"),
    PostKind(code: "committeeMember", nameVi: "Cấp ủy viên"),
    PostKind(code: "inspectionChair", nameVi: "Chủ nhiệm Ủy ban kiểm tra", singleHolder: true),
    PostKind(code: "inspectionDeputyChair", nameVi: "Phó Chủ nhiệm Ủy ban kiểm tra"),
    PostKind(code: "inspectionMember", nameVi: "Ủy viên Ủy ban kiểm tra"),
  ]
}
