/// The headers a workbook shows: the column's Vietnamese name with its marks and spaces ("Ngày sinh" for
/// `ngay_sinh`). Import matches headers without marks, case or underscores, so every label of an import
/// column reads back as its column (a test checks it).
enum ColumnLabels {
  static func label(_ key: String) -> String { labels[key] ?? key }

  private static let labels: [String: String] = [
    // organisations
    "ma": "Mã", "ten": "Tên", "loai": "Loại", "ma_cap_tren": "Mã cấp trên", "ngay_thanh_lap": "Ngày thành lập",
    // members
    "so_the": "Số thẻ", "ho_ten": "Họ tên", "gioi_tinh": "Giới tính", "ngay_sinh": "Ngày sinh", "dan_toc": "Dân tộc",
    "ton_giao": "Tôn giáo", "so_cccd": "Số CCCD", "que_quan": "Quê quán", "trinh_do_hoc_van": "Trình độ học vấn",
    "ly_luan_chinh_tri": "Lý luận chính trị", "nghe_nghiep": "Nghề nghiệp", "ma_chi_bo": "Mã chi bộ",
    "ngay_ket_nap": "Ngày kết nạp", "ngay_chinh_thuc": "Ngày chính thức", "ngay_mien_sinh_hoat": "Ngày miễn sinh hoạt",
    "ngay_chuyen_den": "Ngày chuyển đến",
    // events, population
    "loai_su_kien": "Loại sự kiện", "ngay": "Ngày", "ghi_chu": "Ghi chú", "ma_to_chuc": "Mã tổ chức", "nam": "Năm",
    "dan_so": "Dân số",
    // oversight files
    "ma_cuoc": "Mã cuộc", "co_quan": "Cơ quan", "don_vi": "Đơn vị", "noi_dung": "Nội dung",
    "ngay_bat_dau": "Ngày bắt đầu", "ngay_ket_luan": "Ngày kết luận", "doi_tuong": "Đối tượng",
    "ma_doi_tuong": "Mã đối tượng", "vi_pham": "Vi phạm", "ket_luan": "Kết luận", "khac_phuc": "Khắc phục",
    "so_quyet_dinh": "Số quyết định", "hinh_thuc": "Hình thức", "noi_dung_vi_pham": "Nội dung vi phạm",
    "ngay_quyet_dinh": "Ngày quyết định", "ngay_vi_pham": "Ngày vi phạm", "cuoc_kiem_tra": "Cuộc kiểm tra",
    "tu_phat_hien_khac_phuc": "Tự phát hiện khắc phục", "ngay_nhan": "Ngày nhận", "ngay_giai_quyet": "Ngày giải quyết",
    "ket_qua": "Kết quả", "hinh_thuc_moi": "Hình thức mới",
    // grades
    "xep_loai": "Xếp loại", "ly_do": "Lý do", "diem": "Điểm", "nghi_om_thang": "Nghỉ ốm tháng", "khung": "Khung",
    "diem_chung": "Điểm chung", "diem_nhiem_vu": "Điểm nhiệm vụ", "dung_han": "Đúng hạn",
    "vuot_yeu_cau": "Vượt yêu cầu",
    // posts
    "chuc_vu": "Chức vụ", "ngay_thoi_giu": "Ngày thôi giữ", "ten_tap_the": "Tên tập thể",
    "loai_tap_the": "Loại tập thể", "ngay_ket_thuc": "Ngày kết thúc", "ngay_tham_gia": "Ngày tham gia",
    "ngay_thoi_tham_gia": "Ngày thôi tham gia",
    // report tables
    "pham_vi": "Phạm vi", "tong_so": "Tổng số", "duoc_danh_gia": "Được đánh giá", "chua_danh_gia": "Chưa đánh giá",
    "tot_tro_len": "Tốt trở lên", "xuat_sac": "Xuất sắc", "tot": "Tốt", "hoan_thanh": "Hoàn thành",
    "khong_hoan_thanh": "Không hoàn thành", "ty_le_duoc_danh_gia": "Tỷ lệ được đánh giá (%)",
    "ty_le_tot_tro_len": "Tỷ lệ tốt trở lên (%)", "ty_le_xuat_sac": "Tỷ lệ xuất sắc (%)",
    "ty_le_hoan_thanh": "Tỷ lệ hoàn thành (%)", "ty_le_khong_hoan_thanh": "Tỷ lệ không hoàn thành (%)",
    "tang_giam_tot_tro_len": "Tăng, giảm tốt trở lên", "tang_giam_xuat_sac": "Tăng, giảm xuất sắc",
    "tang_giam_hoan_thanh": "Tăng, giảm hoàn thành", "tang_giam_khong_hoan_thanh": "Tăng, giảm không hoàn thành",
    "tu_ngay": "Từ ngày", "den_ngay": "Đến ngày", "chi_tieu": "Chỉ tiêu", "so_lieu": "Số liệu", "cung_ky": "Cùng kỳ",
    "tang_giam": "Tăng, giảm", "ty_le": "Tỷ lệ (%)", "ky_nay": "Kỳ này",
  ]
}
