import DangVuCore

/// What kind of people a cell holds, which shapes their ages, occupations and schooling:
/// a hamlet cell has farmers and many retired members; a police cell has young officers.
enum DemoUnitProfile: Hashable, Sendable {
  case hamlet, school, health, office, police, military

  /// Serving staff retire at 60 and move their membership home, so their cells have no old members.
  var isActiveService: Bool { self != .hamlet }

  var femaleShare: Double {
    switch self {
    case .hamlet: 0.33
    case .school: 0.68
    case .health: 0.62
    case .office: 0.45
    case .police, .military: 0.14
    }
  }

  var occupations: WeightedTable<String> {
    switch self {
    case .hamlet: Self.hamletWork
    case .school: Self.schoolWork
    case .health: Self.healthWork
    case .office: Self.officeWork
    case .police: Self.policeWork
    case .military: Self.militaryWork
    }
  }

  var education: WeightedTable<String> {
    switch self {
    case .hamlet: Self.hamletSchooling
    case .police, .military: Self.serviceSchooling
    case .school, .health, .office: Self.graduateSchooling
    }
  }

  static let hamletWork = WeightedTable<String>([
    ("Nông dân", 40), ("Ngư dân", 8), ("Kinh doanh, buôn bán", 10), ("Công nhân", 6), ("Cán bộ ấp, khu phố", 14),
    ("Lao động tự do", 8), ("Công chức xã", 10), ("Sinh viên", 1),
  ])
  static let schoolWork = WeightedTable<String>([("Giáo viên", 85), ("Cán bộ quản lý giáo dục", 10), ("Nhân viên", 5)])
  static let healthWork = WeightedTable<String>([("Bác sĩ", 35), ("Y sĩ", 25), ("Điều dưỡng", 30), ("Dược sĩ", 10)])
  static let officeWork = WeightedTable<String>([("Công chức", 60), ("Viên chức", 30), ("Nhân viên", 10)])
  static let policeWork = WeightedTable<String>([("Công an nhân dân", 1)])
  static let militaryWork = WeightedTable<String>([("Quân nhân", 85), ("Công nhân viên quốc phòng", 15)])

  static let hamletSchooling = WeightedTable<String>([
    ("5/12", 4), ("9/12", 24), ("12/12", 36), ("Trung cấp", 14), ("Cao đẳng", 5), ("Đại học", 16), ("Thạc sĩ", 1),
  ])
  static let serviceSchooling = WeightedTable<String>([
    ("12/12", 5), ("Trung cấp", 25), ("Cao đẳng", 10), ("Đại học", 50), ("Thạc sĩ", 9), ("Tiến sĩ", 1),
  ])
  static let graduateSchooling = WeightedTable<String>([
    ("Trung cấp", 8), ("Cao đẳng", 9), ("Đại học", 68), ("Thạc sĩ", 13), ("Tiến sĩ", 2),
  ])
  static let politicalTheory = WeightedTable<String>([
    ("Chưa qua đào tạo", 10), ("Sơ cấp", 58), ("Trung cấp", 26), ("Cao cấp", 5), ("Cử nhân", 1),
  ])
  static let leaderTheory = WeightedTable<String>([("Trung cấp", 70), ("Cao cấp", 27), ("Cử nhân", 3)])

  /// Posts besides the cell's own secretaries, for a few members of each kind of cell.
  var posts: [String] {
    switch self {
    case .hamlet:
      [
        "Trưởng ấp", "Chủ tịch Hội Nông dân xã", "Chủ tịch Hội Cựu chiến binh xã", "Chủ tịch Ủy ban nhân dân xã",
        "Phó Chủ tịch Ủy ban nhân dân xã", "Chủ tịch Ủy ban Mặt trận Tổ quốc xã", "Bí thư Đoàn xã",
      ]
    case .school: ["Hiệu trưởng", "Phó Hiệu trưởng", "Tổ trưởng chuyên môn"]
    case .health: ["Giám đốc", "Phó Giám đốc", "Trưởng khoa", "Trưởng trạm"]
    case .office: ["Trưởng phòng", "Phó Trưởng phòng", "Chánh Văn phòng", "Chánh Thanh tra"]
    case .police: ["Trưởng phòng", "Phó Trưởng phòng", "Đội trưởng", "Trưởng Công an xã"]
    case .military: ["Chỉ huy trưởng", "Chính trị viên", "Đại đội trưởng", "Tiểu đoàn trưởng"]
    }
  }
}
