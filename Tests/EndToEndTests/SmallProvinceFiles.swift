/// The small province the end-to-end tests import through the real binary: a district with one grassroots
/// committee and its cell (a second cell where a test needs one), and two official members.
enum SmallProvinceFiles {
  static let organisations = """
    ma;ten;loai;ma_cap_tren;ngay_thanh_lap
    KG;Đảng bộ tỉnh Kiên Giang;provincialCommittee;;01/01/1976
    KG.01;Đảng bộ huyện Châu Thành;districtCommittee;KG;01/01/1980
    KG.01.001;Đảng bộ xã Bình An;grassrootsCommittee;KG.01;01/01/1990
    KG.01.001.01;Chi bộ ấp Phước Hòa;subordinateCell;KG.01.001;01/01/1990

    """

  /// The same with a second cell in the committee, for transfers.
  static let organisationsWithTwoCells =
    organisations.trimmingSuffix("\n") + "KG.01.001.02;Chi bộ ấp Hòa An;subordinateCell;KG.01.001;01/01/1990\n\n"

  static let members = """
    so_the,ho_ten,gioi_tinh,ngay_sinh,ma_chi_bo,ngay_ket_nap,ngay_chinh_thuc
    10000001,Đặng Văn Hùng,Nam,12/03/1975,KG.01.001.01,19/05/2000,19/05/2001
    10000002,Nguyễn Thị Lan,Nữ,01/02/1985,KG.01.001.01,03/02/2010,03/02/2011

    """
}

extension String {
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    var text = self
    while text.hasSuffix(suffix + suffix) { text.removeLast(suffix.count) }
    return text
  }
}
