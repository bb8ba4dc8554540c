/// A report laid out as a Party document under Hướng dẫn 36-HD/VPTW (2018): what the page says and where,
/// with no file format in it. The store writes it as WordprocessingML; tests read it as plain values.
public struct PartyReportDocument: Hashable, Sendable {
  /// The top left: the superior committee (plain), the issuing committee (bold capitals), the star, the
  /// number and symbol.
  public var issuer: IssuingCommittee
  /// "Số 12-BC/TU", or "Số      -BC/TU" with room for the clerk to write the number by hand.
  public var numberAndSymbol: String
  /// "Kiên Giang, ngày 15 tháng 12 năm 2023", or with blanks for the day and month of signing.
  public var placeAndDate: String
  /// "BÁO CÁO"
  public var title: String
  /// The subject (trích yếu) under the title: "Kết quả đánh giá, xếp loại chất lượng … năm 2023".
  public var subject: String
  public var body: [Block]
  public var recipients: [String]
  public var signature: Signature

  /// The body is paragraphs of the drafted narrative, headings and tables, in reading order.
  public enum Block: Hashable, Sendable {
    /// A numbered part heading ("I. KẾT QUẢ ĐÁNH GIÁ …"), bold.
    case heading(String)
    /// A paragraph of the drafted narrative, word for word as `--format text` prints it.
    case paragraph(String)
    case table(Table)
  }

  /// A table of figures: the header row, then rows of cells; the first column names the line.
  public struct Table: Hashable, Sendable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    /// The note under the table ("Tỷ lệ: …"), if any.
    public var note: String?

    public init(caption: String, header: [String], rows: [[String]], note: String? = nil) {
      self.caption = caption
      self.header = header
      self.rows = rows
      self.note = note
    }
  }

  /// The signature block: on behalf of whom, the signer's post, room for the signature and seal, the name.
  public struct Signature: Hashable, Sendable {
    /// "T/M BAN THƯỜNG VỤ"
    public var onBehalfOf: String
    /// "BÍ THƯ", "PHÓ BÍ THƯ"
    public var post: String
    /// Empty when the clerk writes it in Word.
    public var name: String

    public init(onBehalfOf: String, post: String, name: String) {
      self.onBehalfOf = onBehalfOf
      self.post = post
      self.name = name
    }
  }

  public init(
    issuer: IssuingCommittee, numberAndSymbol: String, placeAndDate: String, title: String = "BÁO CÁO",
    subject: String, body: [Block], recipients: [String], signature: Signature
  ) {
    self.issuer = issuer
    self.numberAndSymbol = numberAndSymbol
    self.placeAndDate = placeAndDate
    self.title = title
    self.subject = subject
    self.body = body
    self.recipients = recipients
    self.signature = signature
  }

  /// The narrative paragraphs in order, as the text report gives them line by line.
  public var paragraphs: [String] {
    body.compactMap { block -> String? in
      guard case .paragraph(let text) = block else { return nil }
      return text
    }
  }

  public var tables: [Table] {
    body.compactMap { block -> Table? in
      guard case .table(let table) = block else { return nil }
      return table
    }
  }
}
