import DangVuCore

/// The provinces as the 2025 merger (Nghị quyết 202/2025/QH15) made them: 63 became 34 on 1 July 2025.
/// Each group is named by the province whose name it kept; the demo founds a new provincial committee for every
/// group of two or more (as the Politburo did) and leaves the eleven unchanged provinces under their own.
enum DemoMergers2025 {
  struct Group: Sendable {
    /// The demo code of the province whose name the merged one kept (`DemoPlaces.provinces`).
    let survivor: String
    let name: String
    let isCity: Bool
    /// Every province of the group, the survivor first.
    let members: [String]
  }

  static let groups: [Group] = [
    ("TQU", "Tuyên Quang", ["HGI"]), ("LCA", "Lào Cai", ["YBA"]), ("TNG", "Thái Nguyên", ["BKA"]),
    ("PTH", "Phú Thọ", ["VPH", "HBI"]), ("BNI", "Bắc Ninh", ["BGI"]), ("HYE", "Hưng Yên", ["TBI"]),
    ("HPH", "Hải Phòng", ["HDU"]), ("NBI", "Ninh Bình", ["HNA", "NDI"]), ("QTR", "Quảng Trị", ["QBI"]),
    ("DNG", "Đà Nẵng", ["QNA"]), ("QNG", "Quảng Ngãi", ["KTU"]), ("GLA", "Gia Lai", ["BDI"]),
    ("KHO", "Khánh Hòa", ["NTH"]), ("LDO", "Lâm Đồng", ["DNO", "BTH"]), ("DLA", "Đắk Lắk", ["PYE"]),
    ("HCM", "Hồ Chí Minh", ["BDU", "BRV"]), ("DNA", "Đồng Nai", ["BPH"]), ("TNI", "Tây Ninh", ["LAN"]),
    ("CTH", "Cần Thơ", ["STR", "HGA"]), ("VLO", "Vĩnh Long", ["BTR", "TVI"]), ("DTH", "Đồng Tháp", ["TGI"]),
    ("CMA", "Cà Mau", ["BLI"]), ("AGI", "An Giang", ["KG"]),
  ].map { survivor, name, others in
    Group(
      survivor: survivor, name: name, isCity: ["Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"].contains(name),
      members: [survivor] + others)
  }

  /// The group a province's code belongs to; nil for the eleven that were not merged (and for the numbered
  /// copies a demo of more than 63 provinces makes, which have no real counterpart).
  static func group(of provinceCode: String) -> Group? {
    groups.first { $0.members.contains(provinceCode) }
  }

  /// The new provincial committee's code: the survivor's with the year, so it never meets an old code.
  static func newRootCode(_ group: Group) -> String { "\(group.survivor)-2025" }

  static func newRootName(_ group: Group) -> String {
    (group.isCity ? "Đảng bộ thành phố " : "Đảng bộ tỉnh ") + group.name
  }
}
