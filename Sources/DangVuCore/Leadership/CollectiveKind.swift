/// What a leadership collective (tập thể lãnh đạo, quản lý) of a unit is. The `kind` column of a collective
/// keeps the code; collectives recorded before these names (the demo's "board") keep theirs and show it as is.
public struct CollectiveKind: Hashable, Sendable, Codable {
  public var code: String
  public var nameVi: String

  public init(code: String, nameVi: String) {
    self.code = code
    self.nameVi = nameVi
  }

  public static let standard: [CollectiveKind] = [
    CollectiveKind(code: "committee", nameVi: "Ban Chấp hành"),
    CollectiveKind(code: "standingCommittee", nameVi: "Ban Thường vụ"),
    CollectiveKind(code: "partyDelegation", nameVi: "Ban cán sự đảng"),
    CollectiveKind(code: "partyCaucus", nameVi: "Đảng đoàn"),
    CollectiveKind(code: "inspectionCommission", nameVi: "Ủy ban kiểm tra"),
    CollectiveKind(code: "board", nameVi: "Ban lãnh đạo, quản lý"),
  ]

  public static func named(_ code: String) -> CollectiveKind? { standard.first { $0.code == code } }
}
