extension Links {
  static func oversight(unit: String, period: String? = nil) -> String {
    var out = "/kiem-tra-ky-luat?to-chuc=" + encode(unit, allowed: queryAllowed)
    if let period { out += "&ky=" + encode(period, allowed: queryAllowed) }
    return out
  }

  static func newInspection(unit: String) -> String {
    "/kiem-tra-ky-luat/kiem-tra/moi?to-chuc=" + encode(unit, allowed: queryAllowed)
  }

  static func newDiscipline(unit: String) -> String {
    "/kiem-tra-ky-luat/ky-luat/moi?to-chuc=" + encode(unit, allowed: queryAllowed)
  }

  static func newComplaint(unit: String) -> String {
    "/kiem-tra-ky-luat/don/moi?to-chuc=" + encode(unit, allowed: queryAllowed)
  }

  static func resolveComplaint(_ id: Int64) -> String { "/kiem-tra-ky-luat/don/\(id)/giai-quyet" }
}

extension Links {
  static func disciplineDecision(_ id: Int64) -> String { "/kiem-tra-ky-luat/ky-luat/\(id)" }
  static func appeal(_ id: Int64) -> String { "/kiem-tra-ky-luat/ky-luat/\(id)/khieu-nai" }
  static func complaint(_ id: Int64) -> String { "/kiem-tra-ky-luat/don/\(id)" }
  static func correctComplaint(_ id: Int64) -> String { "/kiem-tra-ky-luat/don/\(id)/sua" }
  static func correctDiscipline(_ id: Int64) -> String { "/kiem-tra-ky-luat/ky-luat/\(id)/sua" }
  static func inspection(_ id: Int64) -> String { "/kiem-tra-ky-luat/kiem-tra/\(id)" }
  static func correctInspection(_ id: Int64) -> String { "/kiem-tra-ky-luat/kiem-tra/\(id)/sua" }
  static func programmes(unit: String, year: Int) -> String {
    "/kiem-tra-ky-luat/chuong-trinh?to-chuc=" + encode(unit, allowed: queryAllowed) + "&nam=\(year)"
  }
  static let setProgramme = "/kiem-tra-ky-luat/chuong-trinh"
}
