/// The page and type of a Party document in Word's units, from Hướng dẫn 36-HD/VPTW (2018) and the
/// provincial handbook that gives its margins (docs/decisions/0021-party-report-docx.md).
enum WordLayout {
  /// Word measures pages in twentieths of a point ("twips"): 1 mm = 1440 / 25.4.
  static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

  static let pageWidth = twips(millimetres: 210)
  static let pageHeight = twips(millimetres: 297)
  static let marginTop = twips(millimetres: 25)
  static let marginBottom = twips(millimetres: 25)
  static let marginLeft = twips(millimetres: 35)
  static let marginRight = twips(millimetres: 15)
  /// Page numbers from the second page sit 10 mm from the top edge, centred.
  static let headerDistance = twips(millimetres: 10)
  static let footerDistance = twips(millimetres: 10)
  static let textWidth = pageWidth - marginLeft - marginRight

  /// The header's two columns: the issuing committee on the left, the Party's name on the right.
  static let headerLeftWidth = twips(millimetres: 70)
  static let headerRightWidth = textWidth - headerLeftWidth
  /// First-line indent of the body: 1 cm, within the guidance's 1–1.27 cm.
  static let firstLineIndent = twips(millimetres: 10)

  static let font = "Times New Roman"
  /// Sizes in points.
  static let partyNameSize = 15.0
  static let issuerSize = 14.0
  static let numberSize = 14.0
  static let placeAndDateSize = 14.0
  static let titleSize = 16.0
  static let subjectSize = 14.0
  static let bodySize = 14.0
  static let tableSize = 12.0
  /// Tables of more than six columns (the evaluation's eight figures).
  static let wideTableSize = 11.0
  static let recipientsHeadingSize = 12.0
  static let recipientsSize = 11.0
  static let signatureSize = 14.0
}
