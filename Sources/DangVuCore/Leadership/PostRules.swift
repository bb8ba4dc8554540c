/// The checks a leading post passes before it is stored, by any path (page, API, import). Pure: the store
/// reads the kind, the member's placements and the posts already held, and writes only what passes.
public enum PostRules {
  /// Refuses the post with a `DomainError` whose code names the field at fault (`post.*`).
  /// - `placements`: the member's register spans from the post's first day on, each marked inside the unit or not.
  /// - `others`: the posts already held in the same unit (any member), without the one being replaced.
  public static func check(
    _ post: HeldPost, kind: PostKind?, memberName: String, unitName: String, unitExists: (Day) -> Bool,
    placements: [UnitPlacement], others: [HeldPost], holderNames: [Int64: String] = [:]
  ) throws {
    guard let kind else {
      throw DomainError("post.unknownKind", "“\(post.kindCode)” không phải chức vụ đã khai báo.")
    }
    guard kind.inForce(on: post.from) else {
      throw DomainError(
        "post.kindNotInForce", "Chức vụ \(kind.nameVi) không còn được dùng vào ngày \(post.from.vietnamese).")
    }
    if let until = post.until, until <= post.from {
      throw DomainError(
        "post.untilBeforeFrom",
        "Ngày thôi giữ chức vụ (\(until.vietnamese)) phải sau ngày bắt đầu (\(post.from.vietnamese)).")
    }
    guard unitExists(post.from) else {
      throw DomainError("post.unitNotExisting", "\(unitName) không tồn tại vào ngày \(post.from.vietnamese).")
    }
    try checkBelonging(post, memberName: memberName, unitName: unitName, placements: placements)
    for other in others where other.kindCode == post.kindCode && other.overlaps(from: post.from, until: post.until) {
      if other.memberID == post.memberID {
        throw DomainError(
          "post.overlap",
          "\(memberName) đã giữ chức vụ \(kind.nameVi) của \(unitName) từ \(other.from.vietnamese)"
            + (other.until.map { " đến \($0.vietnamese)" } ?? "")
            + ": hai lần giữ cùng một chức vụ không được trùng ngày.")
      }
      if kind.singleHolder {
        let holder = holderNames[other.memberID] ?? "một đảng viên khác"
        throw DomainError(
          "post.heldByAnother",
          "\(holder) đang giữ chức vụ \(kind.nameVi) của \(unitName) từ \(other.from.vietnamese): "
            + "hãy ghi ngày thôi giữ chức vụ của người đó trước.")
      }
    }
  }

  /// The member is in the register, in a cell in or under the unit, every day from the first day of the post to
  /// its last (or, for a post still held, as long as the register says where they are).
  static func checkBelonging(_ post: HeldPost, memberName: String, unitName: String, placements: [UnitPlacement])
    throws
  {
    let sorted = placements.sorted { $0.from < $1.from }
    guard let first = sorted.first(where: { $0.from <= post.from && ($0.until.map { post.from < $0 } ?? true) }),
      first.insideUnit
    else {
      throw DomainError(
        "post.notInUnit",
        "Ngày \(post.from.vietnamese) \(memberName) không sinh hoạt trong \(unitName) hay một chi bộ trực thuộc: "
          + "chức vụ chỉ ghi cho đảng viên của đơn vị.")
    }
    var reached = first.until
    for next in sorted where next.from > post.from {
      guard let end = reached else { break }
      if let until = post.until, end >= until { return }
      guard next.from == end, next.insideUnit else {
        throw DomainError(
          "post.leftUnit",
          "Từ ngày \(end.vietnamese) \(memberName) không còn sinh hoạt trong \(unitName): "
            + "hãy ghi ngày thôi giữ chức vụ không muộn hơn ngày đó.")
      }
      reached = next.until
    }
    if let end = reached, post.until.map({ end < $0 }) ?? true {
      throw DomainError(
        "post.leftUnit",
        "Từ ngày \(end.vietnamese) \(memberName) không còn sinh hoạt trong \(unitName): "
          + "hãy ghi ngày thôi giữ chức vụ không muộn hơn ngày đó.")
    }
  }
}
