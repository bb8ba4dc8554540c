extension ReportPeriod {
  /// The year a report page opens on when none is asked for: the year of the latest record up to today, or
  /// today's year when there is none. A database whose records stop before today (an archive copied in, the demo,
  /// a district that stopped entering) then opens on a year that says something rather than on an empty one;
  /// the page's picker still offers every year.
  public static func opening(today: Day, lastRecord: Day?) throws(DomainError) -> ReportPeriod {
    try .year(min(lastRecord ?? today, today).year)
  }
}
