/// Where a member stood over a stretch of days: one cell, one standing, exempt or not.
public struct MemberSpan: Hashable, Sendable, Codable {
  public var memberID: Int64
  public var cellID: Int64
  public var from: Day
  /// Exclusive; nil while it lasts.
  public var until: Day?
  public var standing: Standing
  public var exempt: Bool
  /// Sent by this cell and not yet received by the next: still counted here, once, and shown as in transit.
  public var inTransit: Bool

  public init(
    memberID: Int64, cellID: Int64, from: Day, until: Day?, standing: Standing, exempt: Bool, inTransit: Bool = false
  ) {
    self.memberID = memberID
    self.cellID = cellID
    self.from = from
    self.until = until
    self.standing = standing
    self.exempt = exempt
    self.inTransit = inTransit
  }

  public func holds(on day: Day) -> Bool { from <= day && (until.map { day < $0 } ?? true) }
}

public enum Standing: String, Hashable, Sendable, Codable {
  case probationary  // dự bị
  case official  // chính thức

  public var nameVi: String { self == .probationary ? "dự bị" : "chính thức" }
}

/// What the register says about a cell on a given day, for checking an event into it.
public enum CellCheck: Sendable {
  case holdsMembers
  case unknown
  case notExisting
  case notACell(UnitKind)
}

/// A member's events in order, checked against the rules of the register, and the spans they yield.
///
/// Any impossible history is refused with the reason: the first event must be an admission (or an
/// arrival from another province), made official only after the 12-month probation, nothing after death
/// or removal, a transfer only into a cell that exists on that day, received only where it was sent, and
/// so on.
public struct MemberTimeline: Sendable {
  public let events: [MembershipEvent]
  public let spans: [MemberSpan]
  /// The event that ended membership, if any.
  public let exit: MembershipEvent?

  /// The minimum age at admission (Điều lệ Đảng, Điều 1).
  public static let minimumAdmissionAge = 18
  /// Probation lasts 12 months from admission.
  public static let probationMonths = 12

  /// `events` in the order they were recorded; they are ordered by date here, ties kept in recorded order.
  public init(
    member: Member, events unordered: [MembershipEvent], cell: (Int64, Day) -> CellCheck
  ) throws(DomainError) {
    let ordered = unordered.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
      .map(\.element)
    var spans: [MemberSpan] = []
    var current: MemberSpan?
    var exit: MembershipEvent?
    var admission: Day?
    /// Where a two-step transfer is going, between sent and received.
    var transitTo: Int64?
    /// Out of the province since this event; only an arrival back may follow.
    var away: MembershipEvent?
    func fail(_ code: String, _ event: MembershipEvent, _ why: String) -> DomainError {
      DomainError(
        "member.\(code)",
        "Không thể ghi sự kiện \"\(event.kind.nameVi)\" ngày \(event.date.vietnamese) cho đảng viên \(member.fullName): \(why)"
      )
    }
    /// Closes the running span on `day` and opens the next with the changes applied.
    func change(on day: Day, _ apply: (inout MemberSpan) -> Void) {
      guard var next = current else { return }
      if next.from < day {
        var closed = next
        closed.until = day
        spans.append(closed)
        next.from = day
      }
      apply(&next)
      current = next
    }

    func closeCurrent(on day: Day) {
      var closed = current!
      closed.until = day
      if closed.from < day { spans.append(closed) }
      current = nil
      transitTo = nil
    }

    for event in ordered {
      if !event.note.isEmpty, let problem = TextRules.problem(in: event.note, .note) {
        throw fail("badNote", event, problem.message)
      }
      if let exit {
        throw fail(
          "eventAfterExit", event,
          "đảng viên đã ra khỏi danh sách từ ngày \(exit.date.vietnamese) (\(exit.kind.nameVi)).")
      }
      if event.kind.needsCell {
        guard let cellID = event.cellID else { throw fail("cellMissing", event, "chưa ghi chi bộ.") }
        switch cell(cellID, event.date) {
        case .holdsMembers: break
        case .unknown: throw fail("unknownCell", event, "không tìm thấy chi bộ này.")
        case .notExisting:
          throw fail("cellNotExisting", event, "chi bộ không tồn tại (chưa thành lập hoặc đã giải thể) vào ngày đó.")
        case .notACell(let kind):
          throw fail(
            "notACell", event, "đơn vị nhận là \(kind.code), không phải chi bộ; đảng viên chỉ sinh hoạt ở chi bộ.")
        }
      } else if event.cellID != nil {
        throw fail("cellNotExpected", event, "sự kiện này không ghi chi bộ.")
      }
      if let away, event.kind != .transferredIn {
        throw fail(
          "away", event, "đảng viên đã chuyển sinh hoạt ra ngoài tỉnh từ ngày \(away.date.vietnamese).")
      }
      if !event.kind.entersRegister && current == nil {
        throw fail("notAdmitted", event, "chưa có sự kiện kết nạp trước đó.")
      }
      if transitTo != nil, [.transferred, .transferSent, .transferredOut].contains(event.kind) {
        throw fail("inTransit", event, "đảng viên đang chuyển sinh hoạt, chưa được chi bộ nơi đến tiếp nhận.")
      }
      switch event.kind {
      case .admitted:
        if admission != nil { throw fail("admittedTwice", event, "đảng viên đã được kết nạp.") }
        let age = member.birthDate.wholeYears(until: event.date)
        if age < Self.minimumAdmissionAge {
          throw fail("tooYoung", event, "lúc đó mới \(age) tuổi, chưa đủ \(Self.minimumAdmissionAge) tuổi.")
        }
        admission = event.date
        current = MemberSpan(
          memberID: member.id, cellID: event.cellID!, from: event.date, until: nil, standing: .probationary,
          exempt: false)
      case .madeOfficial:
        if current!.standing == .official { throw fail("officialTwice", event, "đảng viên đã là chính thức.") }
        // A member who arrived from another province was admitted there: its probation is checked there.
        let earliest = admission?.adding(months: Self.probationMonths) ?? event.date
        if event.date < earliest {
          throw fail(
            "officialTooEarly", event,
            "thời gian dự bị 12 tháng tính từ ngày kết nạp \(admission?.vietnamese ?? ""), sớm nhất là \(earliest.vietnamese)."
          )
        }
        change(on: event.date) { $0.standing = .official }
      case .transferred:
        if event.cellID == current!.cellID {
          throw fail("sameCell", event, "đảng viên đang sinh hoạt ở chính chi bộ này.")
        }
        change(on: event.date) { $0.cellID = event.cellID! }
      case .transferSent:
        if event.cellID == current!.cellID {
          throw fail("sameCell", event, "đảng viên đang sinh hoạt ở chính chi bộ này.")
        }
        transitTo = event.cellID
        change(on: event.date) { $0.inTransit = true }
      case .transferReceived:
        guard let to = transitTo else {
          throw fail("notSent", event, "chưa có giấy giới thiệu chuyển sinh hoạt của chi bộ nơi đi.")
        }
        if event.cellID != to {
          throw fail("wrongReceiver", event, "giấy giới thiệu chuyển sinh hoạt ghi chi bộ khác (mã số \(to)).")
        }
        transitTo = nil
        change(on: event.date) {
          $0.cellID = to
          $0.inTransit = false
        }
      case .transferredIn:
        if current != nil { throw fail("alreadyHere", event, "đảng viên đang sinh hoạt trong tỉnh.") }
        // Admitted elsewhere: probationary only if the history still holds the recognition to come.
        let recognitionAhead = ordered.contains { $0.kind == .madeOfficial && $0.date >= event.date }
        let age = member.birthDate.wholeYears(until: event.date)
        if age < Self.minimumAdmissionAge {
          throw fail("tooYoung", event, "lúc đó mới \(age) tuổi, chưa đủ \(Self.minimumAdmissionAge) tuổi.")
        }
        let standing = away.map { _ in spans.last?.standing ?? .official }
        away = nil
        current = MemberSpan(
          memberID: member.id, cellID: event.cellID!, from: event.date, until: nil,
          standing: standing ?? (recognitionAhead ? .probationary : .official), exempt: false)
      case .transferredOut:
        closeCurrent(on: event.date)
        away = event
      case .exempted:
        if current!.exempt { throw fail("alreadyExempt", event, "đảng viên đang được miễn sinh hoạt.") }
        change(on: event.date) { $0.exempt = true }
      case .restored:
        if !current!.exempt { throw fail("notExempt", event, "đảng viên không ở diện miễn sinh hoạt.") }
        change(on: event.date) { $0.exempt = false }
      case .notRecognised:
        if current!.standing == .official {
          throw fail("notProbationary", event, "chỉ xét công nhận đối với đảng viên dự bị.")
        }
        closeCurrent(on: event.date)
        exit = event
      case .struckOff, .askedToLeave, .expelled, .died:
        if event.date == current!.from && spans.isEmpty && event.date == admission {
          throw fail("exitOnAdmission", event, "trùng ngày kết nạp.")
        }
        closeCurrent(on: event.date)
        exit = event
      }
    }
    if let current { spans.append(current) }
    self.events = ordered
    self.spans = spans
    self.exit = exit
    self.awaySince = away
  }

  /// The move out of the province, while the member is away.
  public let awaySince: MembershipEvent?

  /// Where the member stood on `day`, or nil when not in the register then.
  public func span(on day: Day) -> MemberSpan? { spans.first { $0.holds(on: day) } }

  /// The cell the member is in now; nil once the member has left the register (or the province).
  public var currentCellID: Int64? { spans.last.flatMap { $0.until == nil ? $0.cellID : nil } }

  /// The end of the 12-month probation, for a member admitted in this register.
  public var probationEnds: Day? { admissionDate?.adding(months: Self.probationMonths) }

  public var admissionDate: Day? { events.first { $0.kind == .admitted }?.date }
  public var officialDate: Day? { events.first { $0.kind == .madeOfficial }?.date }
}
