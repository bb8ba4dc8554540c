import DangVuCore

/// Place names for the demo: the 63 provinces (with the province part of the national ID number),
/// Kiên Giang's real districts, and pools of commune and hamlet names common in the Mekong delta.
enum DemoPlaces {
  struct Province: Sendable {
    let code: String
    let name: String
    /// The first three digits of a căn cước number issued in the province.
    let idPrefix: Int
    let isCity: Bool
  }

  /// Kiên Giang first: the default demo is that province; national scale adds the others in order.
  static let provinces: [Province] = [
    ("KG", "Kiên Giang", 91), ("HN", "Hà Nội", 1), ("HGI", "Hà Giang", 2), ("CBA", "Cao Bằng", 4),
    ("BKA", "Bắc Kạn", 6), ("TQU", "Tuyên Quang", 8), ("LCA", "Lào Cai", 10), ("DBI", "Điện Biên", 11),
    ("LCH", "Lai Châu", 12), ("SLA", "Sơn La", 14), ("YBA", "Yên Bái", 15), ("HBI", "Hòa Bình", 17),
    ("TNG", "Thái Nguyên", 19), ("LSO", "Lạng Sơn", 20), ("QNI", "Quảng Ninh", 22), ("BGI", "Bắc Giang", 24),
    ("PTH", "Phú Thọ", 25), ("VPH", "Vĩnh Phúc", 26), ("BNI", "Bắc Ninh", 27), ("HDU", "Hải Dương", 30),
    ("HPH", "Hải Phòng", 31), ("HYE", "Hưng Yên", 33), ("TBI", "Thái Bình", 34), ("HNA", "Hà Nam", 35),
    ("NDI", "Nam Định", 36), ("NBI", "Ninh Bình", 37), ("THO", "Thanh Hóa", 38), ("NAN", "Nghệ An", 40),
    ("HTI", "Hà Tĩnh", 42), ("QBI", "Quảng Bình", 44), ("QTR", "Quảng Trị", 45), ("TTH", "Thừa Thiên Huế", 46),
    ("DNG", "Đà Nẵng", 48), ("QNA", "Quảng Nam", 49), ("QNG", "Quảng Ngãi", 51), ("BDI", "Bình Định", 52),
    ("PYE", "Phú Yên", 54), ("KHO", "Khánh Hòa", 56), ("NTH", "Ninh Thuận", 58), ("BTH", "Bình Thuận", 60),
    ("KTU", "Kon Tum", 62), ("GLA", "Gia Lai", 64), ("DLA", "Đắk Lắk", 66), ("DNO", "Đắk Nông", 67),
    ("LDO", "Lâm Đồng", 68), ("BPH", "Bình Phước", 70), ("TNI", "Tây Ninh", 72), ("BDU", "Bình Dương", 74),
    ("DNA", "Đồng Nai", 75), ("BRV", "Bà Rịa - Vũng Tàu", 77), ("HCM", "Hồ Chí Minh", 79), ("LAN", "Long An", 80),
    ("TGI", "Tiền Giang", 82), ("BTR", "Bến Tre", 83), ("TVI", "Trà Vinh", 84), ("VLO", "Vĩnh Long", 86),
    ("DTH", "Đồng Tháp", 87), ("AGI", "An Giang", 89), ("CTH", "Cần Thơ", 92), ("HGA", "Hậu Giang", 93),
    ("STR", "Sóc Trăng", 94), ("BLI", "Bạc Liêu", 95), ("CMA", "Cà Mau", 96),
  ].map { code, name, prefix in
    Province(
      code: code, name: name, idPrefix: prefix,
      isCity: ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"].contains(name))
  }

  /// Kiên Giang's fifteen districts and cities, then the four district-level committees of the sectors.
  static let kienGiangDistricts = [
    "thành phố Rạch Giá", "thành phố Hà Tiên", "thành phố Phú Quốc", "huyện Kiên Lương", "huyện Hòn Đất",
    "huyện Tân Hiệp", "huyện Châu Thành", "huyện Giồng Riềng", "huyện Gò Quao", "huyện An Biên",
    "huyện An Minh", "huyện Vĩnh Thuận", "huyện U Minh Thượng", "huyện Giang Thành", "huyện Kiên Hải",
  ]

  /// Districts founded long after 1976 (split off later); the rest keep their 1976 committee.
  static let lateDistricts: [String: Int] = ["huyện U Minh Thượng": 2007, "huyện Giang Thành": 2009]

  static let otherDistricts = [
    "huyện Châu Thành", "huyện Phú Tân", "huyện Tân Phú", "huyện Long Hồ", "huyện Bình Minh", "huyện Cái Bè",
    "huyện Chợ Gạo", "huyện Mỏ Cày Nam", "huyện Ba Tri", "huyện Cầu Kè", "huyện Tiểu Cần", "huyện Tam Nông",
    "huyện Thanh Bình", "huyện Lai Vung", "huyện Thoại Sơn", "huyện Tri Tôn", "huyện Phong Điền", "huyện Cờ Đỏ",
    "huyện Long Mỹ", "huyện Mỹ Tú", "huyện Trần Đề", "huyện Hồng Dân", "huyện Đầm Dơi", "huyện Năm Căn",
    "huyện Đức Hòa", "huyện Bến Lức", "huyện Cần Giuộc", "huyện Gia Lâm", "huyện Đông Anh", "huyện Sóc Sơn",
    "huyện Thủy Nguyên", "huyện Tiên Lãng", "huyện Hải Hậu", "huyện Giao Thủy", "huyện Kim Sơn", "huyện Yên Mô",
    "huyện Quỳnh Lưu", "huyện Diễn Châu", "huyện Can Lộc", "huyện Bố Trạch", "huyện Hải Lăng", "huyện Phú Vang",
    "huyện Điện Bàn", "huyện Tư Nghĩa", "huyện Tuy Phước", "huyện Ninh Hòa", "huyện Hàm Thuận Bắc",
    "huyện Đức Trọng", "huyện Krông Pắc", "huyện Chư Sê", "huyện Ea H'leo", "huyện Đồng Phú", "huyện Trảng Bàng",
    "huyện Long Thành", "huyện Xuân Lộc", "huyện Văn Lâm", "huyện Yên Phong", "huyện Lục Nam", "huyện Tam Dương",
    "thị xã Bình Minh", "thị xã Cai Lậy", "thị xã Tân Châu", "thị xã Ngã Bảy", "thị xã Giá Rai",
    "thành phố Long Xuyên", "thành phố Vĩnh Long", "thành phố Mỹ Tho", "thành phố Sóc Trăng",
  ]

  /// District-level committees that are not areas: the sectors under the provincial committee.
  static let sectorDistricts = [
    "Khối Cơ quan và Doanh nghiệp tỉnh", "Quân sự tỉnh", "Công an tỉnh", "Bộ đội Biên phòng tỉnh",
    "Khối các cơ quan tỉnh", "Khối Doanh nghiệp tỉnh",
  ]

  static let communes = [
    "Bình An", "Vĩnh Hòa", "Thạnh Lộc", "Mong Thọ", "Minh Hòa", "Giục Tượng", "Thạnh Đông", "Tân Hiệp",
    "Tân Hội", "Thạnh Trị", "Bình Sơn", "Bình Giang", "Sơn Kiên", "Mỹ Lâm", "Mỹ Thuận", "Mỹ Hiệp Sơn",
    "Thổ Sơn", "Lình Huỳnh", "Nam Thái Sơn", "Vĩnh Phong", "Vĩnh Bình Bắc", "Vĩnh Thuận", "Tân Thuận",
    "Phong Đông", "Vĩnh Phú", "An Minh Bắc", "Đông Hưng", "Vân Khánh", "Thuận Hòa", "Đông Thạnh", "Nam Yên",
    "Tây Yên", "Hưng Yên", "Nam Thái", "Đông Yên", "Thới Quản", "Định An", "Vĩnh Hòa Hưng", "Định Hòa",
    "Thủy Liễu", "Long Thạnh", "Ngọc Chúc", "Ngọc Thành", "Hòa Lợi", "Bàn Tân Định", "Bàn Thạch", "Thạnh Hưng",
    "Hòa Hưng", "Hòa An", "Hòa Thuận", "Kiên Bình", "Bình Trị", "Hòa Điền", "Dương Hòa", "Phú Lợi", "Phú Mỹ",
    "Tân Khánh Hòa", "Vĩnh Điều", "Dương Đông", "An Thới", "Cửa Cạn", "Cửa Dương", "Gành Dầu", "Hàm Ninh",
    "Bãi Thơm", "Hòn Thơm", "Thổ Châu", "Lại Sơn", "An Sơn", "Nam Du", "Hòn Tre", "Tô Châu", "Đông Hồ",
    "Pháo Đài", "Mỹ Đức", "Thuận Yên", "Tiên Hải", "Vĩnh Thanh Vân", "Vĩnh Lạc", "An Hòa", "Rạch Sỏi",
    "Vĩnh Quang", "Vĩnh Lợi", "Vĩnh Thông", "Phi Thông", "Minh Lương", "Mong Thọ A", "Mong Thọ B",
    "Thạnh Lộc", "Tân Thành", "Tân An", "Thạnh Phước", "Long Thạnh", "Ngọc Hòa", "Hòa Chánh", "Thạnh Yên",
    "Minh Thuận", "An Minh Bắc", "Vĩnh Bình Nam", "Bình Minh", "Phong Hòa", "Thạnh An",
  ]

  static let hamlets = [
    "Phước Hòa", "Hòa An", "Tân Lợi", "Tân Phú", "Bình Thành", "Kinh Tư", "Xẻo Đước", "Rạch Dừa", "Vàm Răng",
    "Tà Keo", "Thạnh Bình", "Đông An", "Đông Thành", "Hòa Bình", "Lộ Quẹo", "Kênh Mới", "Mỹ Phú", "Thạnh Phước",
    "Phú Hòa", "Tân Điền", "Cái Nước", "Kinh Xáng", "Rạch Giồng", "Vĩnh Lộc", "Vĩnh Tiến", "Tà Mum", "Sóc Xoài",
    "Ba Hòn", "Hòa Phầm", "Kinh Làng", "Bình Lợi", "Ngã Ba", "Thứ Ba", "Thứ Bảy", "Xẻo Rô", "Cái Bần",
    "Đập Đá", "Tràm Dưới", "Thuận Tiến", "Minh Phong", "Minh Tân", "An Phú", "Phú Thạnh", "Tân Bình", "Lình Huỳnh",
    "Bãi Ớt", "Suối Đá", "Cây Thông", "Rạch Tràm", "Khu Tượng", "Gành Gió", "Bà Lý", "Đồng Cây Sao", "Tân Tiến",
    "Giồng Kè", "Cây Bàng", "Kinh Ngang", "Vĩnh Thành", "Thạnh Hòa", "Phước Lộc",
  ]

  /// Cells a commune committee has besides its hamlets ("Chi bộ Công an xã Bình An", "Chi bộ Trường THCS Bình An").
  static let communeInstitutions = [
    "Quân sự", "Công an", "Trường THCS", "Trường Tiểu học", "Trạm Y tế", "Cơ quan", "Trường Mầm non",
  ]

  /// Offices of a district, each a cell in its agencies' committee or a grassroots cell of its own.
  static let districtOffices = [
    "Văn phòng HĐND và UBND", "Phòng Tài chính - Kế hoạch", "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Giáo dục và Đào tạo", "Phòng Nội vụ", "Phòng Tài nguyên và Môi trường",
    "Phòng Lao động - Thương binh và Xã hội", "Phòng Y tế", "Phòng Văn hóa - Thông tin", "Thanh tra",
    "Phòng Tư pháp", "Phòng Kinh tế - Hạ tầng", "Ban Tổ chức", "Ban Tuyên giáo", "Ủy ban Kiểm tra",
    "Văn phòng Huyện ủy", "Ủy ban Mặt trận Tổ quốc", "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Huyện đoàn",
  ]

  /// District bodies that are grassroots cells directly under the district committee.
  static let districtBodies = [
    "Trung tâm Y tế", "Ngân hàng Chính sách xã hội", "Chi cục Thuế", "Kho bạc Nhà nước", "Viện Kiểm sát nhân dân",
    "Tòa án nhân dân", "Chi cục Thi hành án dân sự", "Bảo hiểm xã hội", "Ban Quản lý dự án đầu tư xây dựng",
    "Trung tâm Văn hóa - Thể thao", "Hạt Kiểm lâm", "Trung tâm Giáo dục nghề nghiệp", "Điện lực",
    "Bưu điện", "Trung tâm Dịch vụ nông nghiệp",
  ]

  static let provincialBodies = [
    "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Tư pháp",
    "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Khoa học và Công nghệ", "Sở Ngoại vụ", "Thanh tra tỉnh",
    "Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản - Nhi", "Trường Đại học Kiên Giang", "Trường Chính trị",
    "Công ty Điện lực", "Cục Thuế", "Kho bạc Nhà nước tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh",
    "Báo Kiên Giang", "Đài Phát thanh và Truyền hình", "Liên minh Hợp tác xã", "Hội Nông dân tỉnh",
    "Cảng vụ Hàng hải", "Công ty Cấp thoát nước", "Bảo hiểm xã hội tỉnh", "Cục Hải quan",
  ]

  static let policeUnits = [
    "Phòng Cảnh sát hình sự", "Phòng An ninh chính trị nội bộ", "Phòng Cảnh sát giao thông", "Phòng Tham mưu",
    "Phòng Cảnh sát kinh tế", "Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng An ninh kinh tế",
    "Phòng Cảnh sát phòng cháy, chữa cháy", "Phòng Hậu cần", "Phòng Tổ chức cán bộ", "Trại tạm giam",
    "Phòng Cảnh sát quản lý hành chính",
  ]
  static let militaryUnits = [
    "Cơ quan Bộ Chỉ huy Quân sự tỉnh", "Trung đoàn bộ binh", "Tiểu đoàn Pháo binh", "Trường Quân sự tỉnh",
    "Đại đội Trinh sát", "Kho Kỹ thuật", "Tiểu đoàn Công binh", "Đại đội Thông tin",
  ]
  static let borderUnits = [
    "Đồn Biên phòng Hòn Đất", "Đồn Biên phòng Kiên Lương", "Đồn Biên phòng Hà Tiên", "Đồn Biên phòng Dương Đông",
    "Đồn Biên phòng An Thới", "Đồn Biên phòng Hòn Tre", "Đồn Biên phòng Thổ Châu", "Hải đội Biên phòng 2",
    "Cơ quan Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Đồn Biên phòng Vĩnh Điều", "Đồn Biên phòng Bãi Thơm",
  ]
  /// Teams and sections, for cells inside sector committees ("Chi bộ Đội 3").
  static let teams = ["Đội", "Tổ", "Ban", "Đại đội", "Trung đội", "Khoa", "Phòng"]
}
