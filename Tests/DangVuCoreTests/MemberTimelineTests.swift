import DangVuCore
import Testing

private func d(_ s: String) -> Day { Day(parsing: s)! }
/// Cells 10 and 11 exist from 1990; cell 12 was dissolved on 1 January 2020; unit 2 is a committee.
private func cells(_ id: Int64, _ day: Day) -> CellCheck {
  switch id {
  case 10, 11: return day >= d("1990-01-01") ? .holdsMembers : .notExisting
  case 12: return day < d("2020-01-01") ? .holdsMembers : .notExisting
  case 2: return .notACell(.grassrootsCommittee)
  default: return .unknown
  }
}
private let lan = Member(id: 7, fullName: "Đặng Thị Lan", gender: .female, birthDate: d("1980-05-04"))
private func event(_ kind: MembershipEventKind, _ date: String, cell: Int64? = nil) -> MembershipEvent {
  MembershipEvent(memberID: 7, kind: kind, date: d(date), cellID: cell)
}
private func refusal(_ events: [MembershipEvent], member: Member = lan) -> String? {
  do {
    _ = try MemberTimeline(member: member, events: events, cell: cells)
    return nil
  } catch {
    return error.code
  }
}

@Suite("A member's history")
struct MemberTimelineTests {
  let history = [
    event(.admitted, "2010-03-02", cell: 10),
    event(.madeOfficial, "2011-03-10"),
    event(.transferred, "2015-09-01", cell: 11),
    event(.exempted, "2022-01-01"),
    event(.restored, "2023-01-01"),
    event(.died, "2024-04-30"),
  ]

  @Test func placesTheMemberInOneCellOnAnyDate() throws {
    let t = try MemberTimeline(member: lan, events: history, cell: cells)
    #expect(t.span(on: d("2010-03-01")) == nil)
    #expect(t.span(on: d("2010-03-02"))?.cellID == 10)
    #expect(t.span(on: d("2010-12-31"))?.standing == .probationary)
    #expect(t.span(on: d("2011-03-10"))?.standing == .official)
    #expect(t.span(on: d("2015-08-31"))?.cellID == 10)
    #expect(t.span(on: d("2015-09-01"))?.cellID == 11)
    #expect(t.span(on: d("2022-06-01"))?.exempt == true)
    #expect(t.span(on: d("2023-06-01"))?.exempt == false)
    #expect(t.span(on: d("2024-04-29")) != nil)
    #expect(t.span(on: d("2024-04-30")) == nil)
    #expect(t.exit?.kind == .died)
    // Spans never overlap: at most one cell on any day.
    for (a, b) in zip(t.spans, t.spans.dropFirst()) { #expect(a.until == b.from) }
  }

  @Test func ordersBackdatedEventsByDate() throws {
    let t = try MemberTimeline(member: lan, events: history.reversed(), cell: cells)
    #expect(t.events.map(\.kind) == [.admitted, .madeOfficial, .transferred, .exempted, .restored, .died])
  }

  @Test func refusesMadeOfficialBeforeAdmission() {
    #expect(
      refusal([event(.madeOfficial, "2009-01-01"), event(.admitted, "2010-03-02", cell: 10)]) == "member.notAdmitted")
  }

  @Test func refusesMadeOfficialBeforeTwelveMonthsOfProbation() {
    #expect(
      refusal([event(.admitted, "2010-03-02", cell: 10), event(.madeOfficial, "2010-12-01")])
        == "member.officialTooEarly")
  }

  @Test func refusesAnEventAfterDeath() {
    #expect(
      refusal([
        event(.admitted, "2010-03-02", cell: 10), event(.died, "2020-01-01"),
        event(.transferred, "2021-01-01", cell: 11),
      ]) == "member.eventAfterExit")
  }

  @Test func refusesATransferIntoADissolvedCell() {
    #expect(
      refusal([event(.admitted, "2010-03-02", cell: 10), event(.transferred, "2021-01-01", cell: 12)])
        == "member.cellNotExisting")
  }

  @Test func refusesMembershipOfACommitteeOrAnUnknownCell() {
    #expect(refusal([event(.admitted, "2010-03-02", cell: 2)]) == "member.notACell")
    #expect(refusal([event(.admitted, "2010-03-02", cell: 99)]) == "member.unknownCell")
  }

  @Test func refusesAdmissionBeforeEighteen() {
    #expect(refusal([event(.admitted, "1997-01-01", cell: 10)]) == "member.tooYoung")
  }

  @Test func refusesRestoringAMemberWhoWasNotExempt() {
    #expect(refusal([event(.admitted, "2010-03-02", cell: 10), event(.restored, "2012-01-01")]) == "member.notExempt")
  }

  @Test func refusesASecondAdmissionAndATransferIntoTheSameCell() {
    #expect(
      refusal([event(.admitted, "2010-03-02", cell: 10), event(.admitted, "2012-01-01", cell: 11)])
        == "member.admittedTwice")
    #expect(
      refusal([event(.admitted, "2010-03-02", cell: 10), event(.transferred, "2012-01-01", cell: 10)])
        == "member.sameCell")
  }

  @Test func theRefusalSaysWhatAndWhenInVietnamese() {
    do {
      _ = try MemberTimeline(
        member: lan, events: [event(.admitted, "2010-03-02", cell: 10), event(.madeOfficial, "2010-12-01")], cell: cells
      )
    } catch {
      #expect(error.message.contains("Đặng Thị Lan"))
      #expect(error.message.contains("01/12/2010"))
      #expect(error.message.contains("02/03/2011"))
    }
  }
}

@Suite("Transfers, arrivals and refusals in a member's history")
struct MemberLifecycleTimelineTests {
  @Test func aTwoStepTransferKeepsTheMemberInTheSendingCellInTransitUntilReceived() throws {
    let t = try MemberTimeline(
      member: lan,
      events: [
        event(.admitted, "2010-03-02", cell: 10), event(.transferSent, "2020-05-04", cell: 11),
        event(.transferReceived, "2020-05-20", cell: 11),
      ], cell: cells)
    let before = try #require(t.span(on: d("2020-05-03")))
    #expect(before.cellID == 10 && !before.inTransit)
    let inTransit = try #require(t.span(on: d("2020-05-10")))
    #expect(inTransit.cellID == 10 && inTransit.inTransit)
    let after = try #require(t.span(on: d("2020-05-20")))
    #expect(after.cellID == 11 && !after.inTransit)
    #expect(t.currentCellID == 11)
  }

  @Test func refusesAReceptionWithoutALetterOrIntoAnotherCell() {
    #expect(
      refusal([event(.admitted, "2010-03-02", cell: 10), event(.transferReceived, "2020-05-20", cell: 11)])
        == "member.notSent")
    #expect(
      refusal([
        event(.admitted, "2010-03-02", cell: 10), event(.transferSent, "2020-05-04", cell: 11),
        event(.transferReceived, "2020-05-20", cell: 12),
      ]) == "member.cellNotExisting")
    #expect(
      refusal([
        event(.admitted, "2010-03-02", cell: 10), event(.transferSent, "2019-05-04", cell: 11),
        event(.transferReceived, "2019-05-20", cell: 12),
      ]) == "member.wrongReceiver")
    #expect(
      refusal([
        event(.admitted, "2010-03-02", cell: 10), event(.transferSent, "2020-05-04", cell: 11),
        event(.transferred, "2020-05-10", cell: 11),
      ]) == "member.inTransit")
  }

  @Test func leavingTheProvinceIsNotARemovalAndTheMemberMayComeBack() throws {
    let t = try MemberTimeline(
      member: lan,
      events: [
        event(.admitted, "2010-03-02", cell: 10), event(.madeOfficial, "2011-03-02"),
        event(.transferredOut, "2018-01-01"), event(.transferredIn, "2021-01-01", cell: 11),
      ], cell: cells)
    #expect(t.exit == nil)
    #expect(t.span(on: d("2019-01-01")) == nil)
    #expect(t.span(on: d("2021-06-01"))?.standing == .official)
    #expect(t.currentCellID == 11)
    #expect(
      refusal([
        event(.admitted, "2010-03-02", cell: 10), event(.transferredOut, "2018-01-01"),
        event(.exempted, "2019-01-01"),
      ]) == "member.away")
  }

  @Test func anArrivalFromAnotherProvinceIsProbationaryOnlyWhileItsRecognitionIsAhead() throws {
    let probationary = try MemberTimeline(
      member: lan,
      events: [event(.transferredIn, "2021-01-01", cell: 10), event(.madeOfficial, "2021-04-01")], cell: cells)
    #expect(probationary.span(on: d("2021-02-01"))?.standing == .probationary)
    #expect(probationary.span(on: d("2021-05-01"))?.standing == .official)
    let official = try MemberTimeline(member: lan, events: [event(.transferredIn, "2021-01-01", cell: 10)], cell: cells)
    #expect(official.span(on: d("2021-02-01"))?.standing == .official)
  }

  @Test func notRecognisedEndsAProbationOnly() throws {
    let t = try MemberTimeline(
      member: lan, events: [event(.admitted, "2020-03-02", cell: 10), event(.notRecognised, "2021-03-10")],
      cell: cells)
    #expect(t.exit?.kind == .notRecognised && t.currentCellID == nil)
    #expect(t.probationEnds == d("2021-03-02"))
    #expect(
      refusal([
        event(.admitted, "2010-03-02", cell: 10), event(.madeOfficial, "2011-03-10"),
        event(.notRecognised, "2012-01-01"),
      ]) == "member.notProbationary")
  }

  @Test func aNoteWithAControlCharacterIsRefused() {
    var admitted = event(.admitted, "2010-03-02", cell: 10)
    admitted.note = "12-QĐ/ĐU\u{0}"
    #expect(refusal([admitted]) == "member.badNote")
    admitted.note = String(repeating: "x", count: 4_001)
    #expect(refusal([admitted]) == "member.badNote")
    admitted.note = "12-QĐ/ĐU"
    #expect(refusal([admitted]) == nil)
  }
}
