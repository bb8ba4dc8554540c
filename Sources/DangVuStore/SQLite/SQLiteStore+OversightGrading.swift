import DangVuCore
import GRDB

/// What the oversight records say about a graded subject: discipline in the year, a pending inspection or
/// complaint on the evaluation date, and for a collective a member warned or worse. Each is one probe of an
/// index through a statement prepared once per connection: grading runs tens of thousands of subjects a second.
extension SQLiteStore {
  static func addOversightFacts(
    to facts: inout SubjectCircumstances, isMember: Bool, id: Int64, from first: Day, through last: Day,
    evaluatedOn day: Day, in db: Database
  ) throws {
    let from = first.daysSinceEpoch
    let through = last.daysSinceEpoch
    // One row per decision: one violation counts once. Annulled decisions (form_now NULL) do not count.
    facts.disciplinedViolations = try Bool.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT self_corrected FROM discipline_decision
          WHERE is_member = ? AND subject_id = ? AND decided BETWEEN ? AND ? AND form_now IS NOT NULL
          """), arguments: [isMember, id, from, through])
    let d = day.daysSinceEpoch
    if try db.cachedValue(
      Bool.self,
      sql: """
        SELECT 1 FROM inspection_subject WHERE is_member = :m AND subject_id = :id AND started <= :day
        AND (concluded IS NULL OR concluded > :day) LIMIT 1
        """, arguments: ["m": isMember, "id": id, "day": d]) != nil
    {
      facts.pendingCase = .pendingInspection
    } else if try db.cachedValue(
      Bool.self,
      sql: """
        SELECT 1 FROM complaint WHERE is_member = :m AND subject_id = :id AND received <= :day
        AND (resolved IS NULL OR resolved > :day) LIMIT 1
        """, arguments: ["m": isMember, "id": id, "day": d]) != nil
    {
      facts.pendingCase = .pendingComplaint
    }
  }

  /// A member of the collective was warned, dismissed or expelled in the year (or the cycle's period). A collective with recorded seats
  /// counts its seated members; one without (recorded before seats existed) counts the holders of a post in its unit.
  static func collectiveMemberWarnedOrWorse(
    collectiveID: Int64, unitID: Int64, from first: Day, through last: Day, in db: Database
  ) throws -> Bool {
    let from = first.daysSinceEpoch
    let through = last.daysSinceEpoch
    guard
      try db.cachedValue(
        Bool.self, sql: "SELECT 1 FROM collective_seat WHERE collective_id = ? LIMIT 1", arguments: [collectiveID])
        != nil
    else { return try collectiveMemberWarnedOrWorse(unitID: unitID, from: first, through: last, in: db) }
    return try db.cachedValue(
      Bool.self,
      sql: """
        SELECT 1 FROM collective_seat s
        JOIN discipline_decision d ON d.is_member = 1 AND d.subject_id = s.member_id
        WHERE s.collective_id = :collective AND s.valid_from <= :through
        AND (s.valid_until IS NULL OR s.valid_until > :from)
        AND d.decided BETWEEN :from AND :through AND d.form_now IN ('warning', 'dismissal', 'expulsion') LIMIT 1
        """, arguments: ["collective": collectiveID, "from": from, "through": through]) != nil
  }

  /// A member holding a post in the collective's unit during the year was warned, dismissed or expelled in it.
  static func collectiveMemberWarnedOrWorse(unitID: Int64, from first: Day, through last: Day, in db: Database)
    throws -> Bool
  {
    let from = first.daysSinceEpoch
    let through = last.daysSinceEpoch
    return try db.cachedValue(
      Bool.self,
      sql: """
        SELECT 1 FROM organisation o JOIN member_post p ON p.organisation_code = o.code
        JOIN discipline_decision d ON d.is_member = 1 AND d.subject_id = p.member_id
        WHERE o.id = :unit AND p.valid_from <= :through AND (p.valid_until IS NULL OR p.valid_until > :from)
        AND d.decided BETWEEN :from AND :through AND d.form_now IN ('warning', 'dismissal', 'expulsion') LIMIT 1
        """, arguments: ["unit": unitID, "from": from, "through": through]) != nil
  }
}
