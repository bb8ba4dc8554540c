import DangVuCore

/// Vietnamese personal names with rough frequencies, for synthetic members that look like the
/// register of a southern province: Nguyễn about 38 %, Huỳnh and Võ commoner than in the north,
/// "Văn" and "Thị" the usual middle names of the older generations.
enum DemoNames {
  static let kinhSurnames = WeightedTable<String>([
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 6), ("Huỳnh", 5.5), ("Võ", 4.5), ("Phan", 3.5),
    ("Hoàng", 1.5), ("Đặng", 2), ("Bùi", 1.8), ("Đỗ", 1.4), ("Hồ", 1.4), ("Ngô", 1.3), ("Dương", 1.0),
    ("Lý", 0.8), ("Trương", 1.2), ("Đinh", 0.7), ("Lâm", 0.8), ("Mai", 0.6), ("Châu", 0.5), ("Tô", 0.4),
    ("Lương", 0.5), ("Đoàn", 0.6), ("Cao", 0.5), ("Thái", 0.3), ("Quách", 0.3), ("Tạ", 0.2), ("La", 0.2),
    ("Hà", 0.5), ("Vũ", 0.9), ("Lưu", 0.4), ("Kiều", 0.1), ("Từ", 0.2), ("Diệp", 0.1), ("Trịnh", 0.5),
    ("Chung", 0.2), ("Giang", 0.1), ("Triệu", 0.2), ("Thân", 0.1), ("Văn", 0.1),
  ])

  static let maleMiddle = WeightedTable<String>([
    ("Văn", 45), ("Hữu", 6), ("Minh", 8), ("Thanh", 7), ("Quốc", 6), ("Công", 4), ("Đức", 4), ("Hoàng", 3),
    ("Ngọc", 3), ("Trung", 3), ("Tấn", 5), ("Chí", 2), ("Thành", 2), ("Phước", 1), ("Duy", 2), ("Anh", 2),
    ("Hồng", 1), ("Xuân", 1), ("Kim", 1), ("Việt", 1), ("Trọng", 1.5), ("Quang", 1.5),
  ])

  static let femaleMiddle = WeightedTable<String>([
    ("Thị", 55), ("Ngọc", 9), ("Thu", 4), ("Kim", 5), ("Thanh", 5), ("Mỹ", 4), ("Hồng", 4), ("Bích", 3),
    ("Thúy", 3), ("Minh", 2), ("Phương", 2), ("Hoài", 1), ("Tuyết", 1), ("Diễm", 1), ("Cẩm", 1), ("Bảo", 1),
  ])

  /// A second middle name some women carry ("Nguyễn Thị Ngọc Hân").
  static let femaleSecondMiddle = ["Ngọc", "Mỹ", "Kim", "Thanh", "Hồng", "Thu", "Bảo", "Phương", "Tuyết"]

  static let maleGiven = WeightedTable<String>(
    [
      "Hùng", "Dũng", "Tuấn", "Thanh", "Hải", "Sơn", "Long", "Phong", "Nam", "Bình", "Minh", "Tâm", "Phúc",
      "Lộc", "Tài", "Thành", "Trung", "Hiếu", "Nghĩa", "Khánh", "Quang", "Vinh", "Hòa", "Tùng", "Cường",
      "Huy", "Đạt", "Khoa", "Thắng", "Lợi", "Hậu", "Toàn", "Sang", "Tú", "Phương", "Hưng", "Kiệt", "Nhân",
      "Trí", "Bảo", "Đông", "Hiền", "Thiện", "Tín", "Nguyên", "Duy", "Khải", "Lâm", "Quân", "Việt", "Đức",
      "Hoàng", "Thông", "Trường", "Vũ", "Út", "Em", "Mến", "Dương", "Phát", "Thịnh", "Luân", "Triều",
      "Toản", "Sỹ", "Châu", "Danh", "Hạnh", "Lực", "Mạnh", "Nhựt", "Quý", "Tiến", "Triết", "Vĩnh",
    ].map { ($0, ["Hùng", "Dũng", "Tuấn", "Thanh", "Hải", "Minh", "Phúc", "Tâm"].contains($0) ? 2.5 : 1.0) })

  static let femaleGiven = WeightedTable<String>(
    [
      "Lan", "Hương", "Hoa", "Mai", "Linh", "Ngọc", "Trang", "Thảo", "Hằng", "Hạnh", "Nhung", "Phượng",
      "Thủy", "Yến", "Loan", "Dung", "Tuyết", "Hồng", "Nga", "Vân", "Diễm", "Kiều", "Oanh", "Trinh", "Nhi",
      "Xuân", "Thúy", "Liên", "Hiền", "Tâm", "Bích", "My", "Hà", "Huyền", "Châu", "Ngân", "Quyên", "Thư",
      "Vy", "Tiên", "Duyên", "Lài", "Lệ", "Nguyệt", "Phương", "Thanh", "Thắm", "Trâm", "Uyên", "Hân",
      "Anh", "Giang", "Nhàn", "Sương", "Cúc", "Đào", "Hậu", "Em", "Út", "Kim", "Ánh", "Diệu", "Hoài",
    ].map { ($0, ["Lan", "Hương", "Hoa", "Mai", "Linh", "Ngọc", "Trang", "Thảo", "Hằng"].contains($0) ? 2.5 : 1.0) })

  /// Khmer names as Kiên Giang's records write them: "Danh" for most men, Thạch, Sơn, Kim, Lâm…
  static let khmerSurnames = WeightedTable<String>([
    ("Danh", 45), ("Thạch", 20), ("Sơn", 10), ("Lâm", 6), ("Kim", 6), ("Châu", 5), ("Lý", 4), ("Triệu", 4),
  ])
  static let khmerMaleGiven = [
    "Sô Phal", "Chanh Thol", "Sa Ri", "Thươl", "Sóc", "Pho", "Rum", "Sang", "Út", "Hên", "Phước", "Minh",
    "Tươi", "Sa Rát", "Kiên", "Dũng", "Hoàng", "Sà Phanh", "Sết", "Sơn", "Chanh Đa", "Sa Mônl",
  ]
  static let khmerFemaleGiven = [
    "Sa Ren", "Sa Rây", "Sà Ly", "Phol", "Mây", "Thu", "Sóc Na", "Kim Hoa", "Ngọc Lan", "Sa Rươl",
    "Chanh Tha", "Rát", "Hoa", "Thanh", "Mỹ", "Sa Vy", "Chan Đa",
  ]
  static let hoaSurnames = WeightedTable<String>([
    ("Lâm", 15), ("Quách", 10), ("Trần", 10), ("Lý", 10), ("Tăng", 8), ("Mạc", 6), ("Hứa", 8), ("Diệp", 6),
    ("Huỳnh", 8), ("Trương", 8), ("Lưu", 6), ("Thái", 5),
  ])

  static func fullName(_ gender: Gender, ethnicity: String, random: inout DemoRandom) -> String {
    switch ethnicity {
    case "Khmer":
      let surname = khmerSurnames.pick(&random)
      if gender == .male { return "\(surname) \(random.element(of: khmerMaleGiven))" }
      return "\(surname) Thị \(random.element(of: khmerFemaleGiven))"
    case "Hoa":
      return kinhStyle(surname: hoaSurnames.pick(&random), gender, random: &random)
    default:
      return kinhStyle(surname: kinhSurnames.pick(&random), gender, random: &random)
    }
  }

  private static func kinhStyle(surname: String, _ gender: Gender, random: inout DemoRandom) -> String {
    if gender == .male {
      return "\(surname) \(maleMiddle.pick(&random)) \(maleGiven.pick(&random))"
    }
    let middle = femaleMiddle.pick(&random)
    if random.chance(0.12) {
      return "\(surname) \(middle) \(random.element(of: femaleSecondMiddle)) \(femaleGiven.pick(&random))"
    }
    return "\(surname) \(middle) \(femaleGiven.pick(&random))"
  }
}
