import DangVuCore

/// The members file (danh sách đảng viên): one row per member, with the dates of admission (or of arrival
/// from another province, for a member admitted there), official standing and exemption, which become the
/// first events of the member's history. Later events (transfers, removals…) go in the events file.
public enum MembersFile {
  enum Column: Int, FileColumn {
    case cardNumber, fullName, gender, birthDate, ethnicity, religion, nationalID, homeTown, education
    case politicalTheory, occupation, cellCode, admissionDate, officialDate, exemptFrom, arrivalDate

    var vietnamese: String {
      switch self {
      case .cardNumber: "so_the"
      case .fullName: "ho_ten"
      case .gender: "gioi_tinh"
      case .birthDate: "ngay_sinh"
      case .ethnicity: "dan_toc"
      case .religion: "ton_giao"
      case .nationalID: "so_cccd"
      case .homeTown: "que_quan"
      case .education: "trinh_do_hoc_van"
      case .politicalTheory: "ly_luan_chinh_tri"
      case .occupation: "nghe_nghiep"
      case .cellCode: "ma_chi_bo"
      case .admissionDate: "ngay_ket_nap"
      case .officialDate: "ngay_chinh_thuc"
      case .exemptFrom: "ngay_mien_sinh_hoat"
      case .arrivalDate: "ngay_chuyen_den"
      }
    }

    var english: String {
      switch self {
      case .cardNumber: "card_number"
      case .fullName: "full_name"
      case .gender: "gender"
      case .birthDate: "birth_date"
      case .ethnicity: "ethnicity"
      case .religion: "religion"
      case .nationalID: "national_id"
      case .homeTown: "home_town"
      case .education: "education"
      case .politicalTheory: "political_theory"
      case .occupation: "occupation"
      case .cellCode: "cell_code"
      case .admissionDate: "admission_date"
      case .officialDate: "official_date"
      case .exemptFrom: "exempt_from"
      case .arrivalDate: "arrival_date"
      }
    }

    /// The admission date column must be there, but a row with an arrival date leaves it empty.
    var isRequired: Bool {
      switch self {
      case .fullName, .gender, .birthDate, .cellCode, .admissionDate: true
      default: false
      }
    }

    var scopeReference: ScopeReference? { self == .cellCode ? .unit : nil }
  }
}
