/// Which body of which unit ran an inspection or supervision, or decided a discipline: the party
/// committee (cấp ủy) or its inspection commission (ủy ban kiểm tra). Reports count by the organ.
public struct ConductingBody: Hashable, Sendable, Codable {
  public enum Organ: String, Hashable, Sendable, Codable, CaseIterable {
    case partyCommittee  // cấp ủy, tổ chức đảng
    case inspectionCommission  // ủy ban kiểm tra

    public var nameVi: String {
      switch self {
      case .partyCommittee: "cấp ủy, tổ chức đảng"
      case .inspectionCommission: "ủy ban kiểm tra"
      }
    }

    /// The subject of a summary's paragraph on what the bodies of every level ran: "Cấp ủy các cấp kiểm tra …",
    /// "Ủy ban kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm …".
    public var everyLevelVi: String {
      switch self {
      case .partyCommittee: "Cấp ủy các cấp"
      case .inspectionCommission: "Ủy ban kiểm tra các cấp"
      }
    }

    /// Accepts the code name or the usual words ("cấp ủy", "UBKT", "ủy ban kiểm tra").
    public init?(parsing text: String) {
      if let exact = Organ(rawValue: text) {
        self = exact
        return
      }
      let w = SearchFolding.words(text).joined(separator: " ")
      if w.hasPrefix("cap uy") || w.hasPrefix("to chuc dang") || w == "dang uy" {
        self = .partyCommittee
      } else if w.hasPrefix("uy ban kiem tra") || w == "ubkt" {
        self = .inspectionCommission
      } else {
        return nil
      }
    }
  }

  public var organ: Organ
  /// The unit whose committee or commission it is.
  public var unitCode: String

  public init(_ organ: Organ, of unitCode: String) {
    self.organ = organ
    self.unitCode = unitCode
  }
}
