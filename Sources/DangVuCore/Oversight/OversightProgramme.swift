/// A body's yearly inspection and supervision programme (chương trình kiểm tra, giám sát): how many
/// inspections and supervisions of each kind it plans, and how many it has begun.
public struct OversightProgramme: Hashable, Sendable, Codable {
  public var body: ConductingBody
  public var year: Int
  /// Planned inspections or supervisions (cuộc), by `OversightKind.code`.
  public var planned: [String: Int]

  public init(body: ConductingBody, year: Int, planned: [String: Int]) {
    self.body = body
    self.year = year
    self.planned = planned
  }
}

/// Progress against a programme on a day: planned and begun, by kind.
public struct ProgrammeProgress: Hashable, Sendable, Codable {
  public struct Line: Hashable, Sendable, Codable {
    public var kind: String
    public var planned: Int
    public var begun: Int
    public var concluded: Int
    /// Begun as a share of planned, nil with nothing planned.
    public var share: Percent? { Percent(begun, of: planned) }

    public init(kind: String, planned: Int, begun: Int, concluded: Int) {
      self.kind = kind
      self.planned = planned
      self.begun = begun
      self.concluded = concluded
    }
  }

  public var programme: OversightProgramme
  public var asOf: Day
  public var lines: [Line]

  public init(programme: OversightProgramme, asOf: Day, lines: [Line]) {
    self.programme = programme
    self.asOf = asOf
    self.lines = lines
  }
}
