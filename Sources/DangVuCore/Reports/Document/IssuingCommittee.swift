/// Who issues a report, read from the name of the unit at the subtree's root, as 36-HD/VPTW writes it:
/// "Đảng bộ tỉnh Kiên Giang" issues as "TỈNH ỦY KIÊN GIANG" with the symbol BC/TU, dated at "Kiên Giang",
/// signed for its standing committee (T/M BAN THƯỜNG VỤ).
public struct IssuingCommittee: Hashable, Sendable {
  /// The committee one level up ("ĐẢNG BỘ TỈNH KIÊN GIANG" above "HUYỆN ỦY AN BIÊN"); nil at a province.
  public var superior: String?
  /// "TỈNH ỦY KIÊN GIANG", in capitals.
  public var name: String
  /// The initials after "-BC/": "TU" (tỉnh ủy, thành ủy, thị ủy), "HU", "QU", "ĐU", "CB".
  public var symbol: String
  /// The place on the date line: the province, district or commune named without its kind.
  public var place: String
  /// "T/M BAN THƯỜNG VỤ", "T/M ĐẢNG ỦY", "T/M CHI BỘ".
  public var onBehalfOf: String
  /// How the recipients call the committee: "Tỉnh ủy", "Huyện ủy An Biên", "Đảng ủy", "Chi bộ".
  public var shortName: String
  /// Whether the committee is the province's: its reports go to the central commissions.
  public var isProvincial: Bool

  public init(
    superior: String? = nil, name: String, symbol: String, place: String, onBehalfOf: String, shortName: String,
    isProvincial: Bool
  ) {
    self.superior = superior
    self.name = name
    self.symbol = symbol
    self.place = place
    self.onBehalfOf = onBehalfOf
    self.shortName = shortName
    self.isProvincial = isProvincial
  }

  /// The committee of the unit named `unitName`, under the unit named `superiorName` when there is one.
  public init(unitName: String, superiorName: String? = nil) {
    let name = PartyReportText.trimmed(unitName)
    // The prefixes the tree's names begin with; the longest first, so "thị xã" is not read as "thị".
    let committees: [(prefix: String, committee: String, symbol: String, provincial: Bool)] = [
      ("Đảng bộ tỉnh ", "Tỉnh ủy", "TU", true), ("Đảng bộ thành phố ", "Thành ủy", "TU", false),
      ("Đảng bộ thị xã ", "Thị ủy", "TU", false), ("Đảng bộ huyện ", "Huyện ủy", "HU", false),
      ("Đảng bộ quận ", "Quận ủy", "QU", false),
    ]
    if let match = committees.first(where: { name.lowercased().hasPrefix($0.prefix.lowercased()) }) {
      let place = String(name.dropFirst(match.prefix.count))
      // A city with no superior is centrally run (Hà Nội): it issues as its province does.
      let provincial = match.provincial || (match.committee == "Thành ủy" && superiorName == nil)
      self.init(
        superior: provincial ? nil : superiorName.map { $0.uppercased() },
        name: "\(match.committee) \(place)".uppercased(), symbol: match.symbol, place: place,
        onBehalfOf: "T/M BAN THƯỜNG VỤ", shortName: "\(match.committee) \(place)", isProvincial: provincial)
      return
    }
    let isCell = name.lowercased().hasPrefix("chi bộ")
    // A commune is its own place; a cell or a sector committee ("Đảng bộ Công an tỉnh") dates its reports
    // where its superior sits.
    let own = Self.placeName(name)
    let place = own != name ? own : (superiorName.map { IssuingCommittee(unitName: $0).place } ?? name)
    self.init(
      superior: superiorName.map { $0.uppercased() },
      name: isCell ? name.uppercased() : "ĐẢNG ỦY " + String(name.dropFirst("Đảng bộ ".count)).uppercased(),
      symbol: isCell ? "CB" : "ĐU", place: place, onBehalfOf: isCell ? "T/M CHI BỘ" : "T/M ĐẢNG ỦY",
      shortName: isCell ? "Chi bộ" : "Đảng ủy", isProvincial: false)
    if !isCell && !name.lowercased().hasPrefix("đảng bộ") { self.name = name.uppercased() }
  }

  /// A report over every province of a national database, issued centrally.
  public static let national = IssuingCommittee(
    name: "BAN CHẤP HÀNH TRUNG ƯƠNG", symbol: "TW", place: "Hà Nội", onBehalfOf: "T/M BAN BÍ THƯ",
    shortName: "Trung ương", isProvincial: true)

  /// "Đảng bộ xã Bình An" → "Bình An": the place a commune or cell is named for, without its kind.
  static func placeName(_ name: String) -> String {
    for kind in ["Đảng bộ xã ", "Đảng bộ phường ", "Đảng bộ thị trấn ", "Đảng bộ đặc khu "]
    where name.lowercased().hasPrefix(kind.lowercased()) {
      return String(name.dropFirst(kind.count))
    }
    return name
  }
}

/// Small text steps the document model shares, without Foundation (the core imports nothing).
enum PartyReportText {
  static func trimmed(_ text: String) -> String {
    String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
