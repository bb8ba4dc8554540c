/// The checks a collective and a seat in it pass before they are stored, by any path. Pure, as `PostRules`.
public enum CollectiveRules {
  public static func check(_ collective: Collective, unitName: String, unitExists: (Day) -> Bool) throws {
    if collective.name.trimmingCharacters(in: " \t").isEmpty {
      throw DomainError("collective.nameMissing", "Hãy nhập tên tập thể lãnh đạo (ví dụ: Ban Thường vụ Huyện ủy).")
    }
    guard CollectiveKind.named(collective.kindCode) != nil else {
      throw DomainError(
        "collective.unknownKind",
        "“\(collective.kindCode)” không phải loại tập thể đã khai báo; dùng: "
          + CollectiveKind.standard.map(\.code).joined(separator: ", ") + ".")
    }
    if let ended = collective.ended, ended <= collective.formed {
      throw DomainError(
        "collective.endedBeforeFormed",
        "Ngày hết nhiệm kỳ (\(ended.vietnamese)) phải sau ngày bắt đầu (\(collective.formed.vietnamese)).")
    }
    guard unitExists(collective.formed) else {
      throw DomainError(
        "collective.unitNotExisting", "\(unitName) không tồn tại vào ngày \(collective.formed.vietnamese).")
    }
  }

  /// A seat lies within the collective's term, the member belongs to its unit for the whole seat, and the same
  /// member is not seated twice on one day.
  public static func check(
    _ seat: CollectiveSeat, in collective: Collective, memberName: String, unitName: String,
    placements: [UnitPlacement], others: [CollectiveSeat]
  ) throws {
    if let until = seat.until, until <= seat.from {
      throw DomainError(
        "collective.untilBeforeFrom",
        "Ngày thôi tham gia (\(until.vietnamese)) phải sau ngày bắt đầu (\(seat.from.vietnamese)).")
    }
    let outsideTerm =
      seat.from < collective.formed
      // A seat left open ends with the term.
      || collective.ended.map { end in seat.from >= end || (seat.until.map { $0 > end } ?? false) } ?? false
    if outsideTerm {
      throw DomainError(
        "collective.outsideTerm",
        "Nhiệm kỳ của \(collective.name) từ \(collective.formed.vietnamese)"
          + (collective.ended.map { " đến trước \($0.vietnamese)" } ?? "")
          + ": ngày tham gia phải nằm trong nhiệm kỳ.")
    }
    let asPost = HeldPost(
      memberID: seat.memberID, kindCode: "", unitID: collective.unitID, from: seat.from,
      until: seat.until ?? collective.ended)
    do {
      try PostRules.checkBelonging(asPost, memberName: memberName, unitName: unitName, placements: placements)
    } catch let error as DomainError {
      // The same refusal under the collective's name, so a form puts it beside the same field.
      let code = error.code.hasPrefix("post.") ? "collective." + error.code.dropFirst("post.".count) : error.code
      throw DomainError(code, error.message)
    }
    let sameMember = others.filter { $0.memberID == seat.memberID && $0.id != seat.id }
    if let other = sameMember.first(where: {
      HeldPost(memberID: 0, kindCode: "", unitID: 0, from: $0.from, until: $0.until)
        .overlaps(from: seat.from, until: seat.until)
    }) {
      throw DomainError(
        "collective.overlap",
        "\(memberName) đã là thành viên của \(collective.name) từ \(other.from.vietnamese): không ghi trùng ngày.")
    }
  }
}
