/// Which events the membership report counts as which flow, for every engine (issue 23 part 1). Every flow is an
/// event that opens or closes one of the member's spans: an admission opens one in the cell entered, a death closes
/// one in the cell left, a recognition opens the official one; a transfer inside the province closes one and opens
/// the next, and counts where it crosses a subtree's edge.
extension MembershipCounts {
  public static var flowsOpeningASpan: [MembershipEventKind: WritableKeyPath<MembershipCounts, Int>] {
    [
      .admitted: \.admitted, .transferredIn: \.transfersInFromOutside, .madeOfficial: \.madeOfficial,
      .exempted: \.exempted, .restored: \.restored,
    ]
  }

  public static var flowsClosingASpan: [MembershipEventKind: WritableKeyPath<MembershipCounts, Int>] {
    [
      .struckOff: \.struckOff, .askedToLeave: \.askedToLeave, .expelled: \.expelled, .died: \.died,
      .notRecognised: \.notRecognised, .transferredOut: \.transfersOutToOutside,
    ]
  }

  /// The kinds as a list for SQL's `IN (…)`: known names, quoted.
  public static func sqlList(_ kinds: some Sequence<MembershipEventKind>) -> String {
    kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
  }

  /// Transfers inside the province: the sending cell's span closes on the day the next one opens.
  public static let transfersWithinProvince = sqlList([.transferred, .transferReceived])
}
