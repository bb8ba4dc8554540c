import DangVuCore

/// The words a file may use for an event kind: the code name (`transferred`) or the Vietnamese
/// words, with or without marks ("chuyển sinh hoạt", "xoa ten").
public enum EventKindWords {
  public static func kind(_ text: String) -> MembershipEventKind? {
    words[key(text)]
  }

  public static let accepted: String = MembershipEventKind.allCases.map { "\($0.rawValue) (\($0.nameVi))" }
    .joined(separator: ", ")

  private static func key(_ text: String) -> String {
    SearchFolding.words(text).joined(separator: " ")
  }

  private static let words: [String: MembershipEventKind] = {
    var words: [String: MembershipEventKind] = [:]
    for kind in MembershipEventKind.allCases {
      words[key(kind.rawValue)] = kind
      words[key(kind.nameVi)] = kind
    }
    let shortForms: [(String, MembershipEventKind)] = [
      ("kết nạp đảng", .admitted), ("chính thức", .madeOfficial), ("công nhận đảng viên chính thức", .madeOfficial),
      ("chuyển sinh hoạt", .transferred), ("chuyển đảng", .transferred), ("ra khỏi đảng", .askedToLeave),
      ("xin ra khỏi đảng", .askedToLeave), ("chết", .died), ("qua đời", .died), ("miễn sinh hoạt", .exempted),
      ("miễn sinh hoạt đảng", .exempted), ("miễn công tác và sinh hoạt", .exempted),
      ("trở lại sinh hoạt", .restored), ("made official", .madeOfficial), ("struck off", .struckOff),
      ("asked to leave", .askedToLeave),
    ]
    for (text, kind) in shortForms { words[key(text)] = kind }
    return words
  }()
}
