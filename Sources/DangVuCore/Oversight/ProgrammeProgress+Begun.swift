extension ProgrammeProgress {
  /// The progress of `programme` from what the body began in the year by `asOf`, by kind: (begun, concluded). One
  /// line per kind planned or begun, in the kinds' order.
  public init(programme: OversightProgramme, asOf: Day, begun: [String: (begun: Int, concluded: Int)]) {
    let lines = OversightKind.allCases.map(\.code).filter { programme.planned[$0] != nil || begun[$0] != nil }.map {
      Line(
        kind: $0, planned: programme.planned[$0] ?? 0, begun: begun[$0]?.begun ?? 0,
        concluded: begun[$0]?.concluded ?? 0)
    }
    self.init(programme: programme, asOf: asOf, lines: lines)
  }
}
