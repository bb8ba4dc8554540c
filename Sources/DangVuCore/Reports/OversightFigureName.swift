/// The Vietnamese name of each figure key of `OversightCounts`, for the report page and the Word document.
public enum OversightFigureName {
  public static func of(_ key: String, categories: [ViolationCategory]) -> String {
    let parts = key.split(separator: ".").map(String.init)
    switch parts.first {
    case "oversight" where parts.count >= 3:
      let group = groupName(Array(parts[1..<(parts.count - 1)]))
      let last = parts[parts.count - 1]
      let measure =
        [
          "units": "tổ chức đảng (lượt)", "unitsDistinct": "tổ chức đảng", "members": "đảng viên (lượt)",
          "membersDistinct": "đảng viên",
        ][last] ?? last
      return "\(group): \(measure)"
    case "discipline" where parts.count >= 2:
      let side = parts[1] == "members" ? "Đảng viên bị kỷ luật" : "Tổ chức đảng bị kỷ luật"
      if parts.count == 2 { return side }
      if parts[2] == "category", parts.count == 4 {
        return "\(side): vi phạm \(categories.first { $0.code == parts[3] }?.nameVi ?? parts[3])"
      }
      if parts[2] == "prohibitedOrPopulation" {
        return "\(side): vi phạm những điều đảng viên không được làm và chính sách dân số"
      }
      return "\(side): \(DisciplineForm(rawValue: parts[2])?.nameVi ?? parts[2])"
    case "complaints" where parts.count >= 3:
      let kind =
        parts[1] == "all"
        ? "Khiếu nại, tố cáo" : (Complaint.Kind(rawValue: parts[1])?.nameVi.capitalisedFirst ?? parts[1])
      if parts.count == 4, parts[2] == "units" || parts[2] == "members" {
        // complaints.denunciation.units.resolved: "Tố cáo đã giải quyết: về tổ chức đảng"
        let action = parts[3] == "received" ? "nhận được" : "đã giải quyết"
        return "\(kind) \(action): về \(parts[2] == "units" ? "tổ chức đảng" : "đảng viên")"
      }
      let action = parts[2] == "received" ? "nhận được" : "đã giải quyết"
      if parts.count == 4 {
        return "\(kind) \(action): kết luận \(Complaint.Finding(rawValue: parts[3])?.nameVi ?? parts[3])"
      }
      return "\(kind) \(action)"
    default:
      return key
    }
  }

  static func groupName(_ parts: [String]) -> String {
    switch parts.first {
    case "all": return "Kiểm tra, giám sát"
    case "inspection" where parts.count == 1: return "Kiểm tra"
    case "supervision" where parts.count == 1: return "Giám sát"
    case "regular": return "Thường xuyên"
    case "thematic": return "Chuyên đề"
    case "kind":
      return OversightKind(code: parts.dropFirst().joined(separator: "."))?.nameVi.capitalisedFirst
        ?? parts.joined(separator: ".")
    case "body" where parts.count > 3 && parts[2] == "kind":
      // body.partyCommittee.kind.inspection.regular: "Cấp ủy, tổ chức đảng – kiểm tra thường xuyên"
      guard let organ = ConductingBody.Organ(rawValue: parts[1]),
        let kind = OversightKind(code: parts.dropFirst(3).joined(separator: "."))
      else { return parts.joined(separator: ".") }
      return "\(organ.nameVi.capitalisedFirst) – \(kind.nameVi)"
    case "body":
      return ConductingBody.Organ(rawValue: parts.dropFirst().joined(separator: "."))?.nameVi.capitalisedFirst
        ?? parts.joined(separator: ".")
    default: return parts.joined(separator: ".")
    }
  }
}
