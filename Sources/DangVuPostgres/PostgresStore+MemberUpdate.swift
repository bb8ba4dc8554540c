import DangVuCore
import DangVuStore
import PostgresNIO

/// A member's identity replaced inside the caller's transaction: the register's `updateMember(_:)` and the
/// version-checked edit of `RegisterEditing` both write through it.
extension PostgresStore {
  static func update(_ member: Member, in transaction: PostgresTransaction) async throws {
    try MemberRules.checkIdentity(member)
    guard let stored = try await members(where: "m.id = \(member.id) FOR UPDATE", in: transaction).first else {
      throw MemberRules.unknownMember(member.id)
    }
    if let card = member.partyCardNumber,
      try await exists(
        "SELECT 1 FROM member WHERE party_card_number = \(card) AND id <> \(member.id)", in: transaction)
    {
      throw MemberRules.duplicateCard(card)
    }
    if let nid = member.nationalID,
      try await exists("SELECT 1 FROM member WHERE national_id = \(nid) AND id <> \(member.id)", in: transaction)
    {
      throw MemberRules.duplicateNationalID(nid)
    }
    do {
      try await transaction.query(
        """
        UPDATE member SET full_name = \(member.fullName), search_name = \(SearchFolding.fold(member.fullName)),
          search_words = \(searchWords(member.fullName)), gender = \(member.gender.rawValue),
          birth_date = \(member.birthDate.daysSinceEpoch), ethnicity = \(member.ethnicity),
          religion = \(member.religion), national_id = \(member.nationalID), home_town = \(member.homeTown),
          party_card_number = \(member.partyCardNumber), education = \(member.education),
          political_theory = \(member.politicalTheory), occupation = \(member.occupation),
          version = version + 1
        WHERE id = \(member.id)
        """)
    } catch let error as PSQLError {
      // A number taken by a member added meanwhile by another server.
      throw duplicate(error, of: member) ?? error
    }
    // Posts are recorded one by one (LeadershipRecording), not by an identity edit. A changed birth date may make
    // the recorded admission impossible: the history is checked again.
    let history = try await events(of: member.id, in: transaction)
    let cells = try await CellsRead.of(history, in: transaction)
    _ = try MemberTimeline(member: member, events: history, cell: cells.check)
    // Gender, ethnicity, religion, education and birth date are keys of the register's monthly sums.
    if try await memberStockKept(in: transaction) {
      let spans = try await storedSpans(of: member.id, in: transaction)
      try await addToMemberStock(removing: [(stored, spans)], adding: [(member, spans)], in: transaction)
    }
  }
}
