import ArgumentParser
import DangVuCore
import DangVuStore

/// The membership lifecycle: admissions with their sponsors, plans, the dated events of a history, and the
/// lists a secretary works from (probations owed a decision, members in transit).
struct MembershipCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "membership",
    abstract: "Admissions, admission plans, transfers, removals and exemptions.",
    subcommands: [Admit.self, Record.self, Plan.self, Overdue.self, InTransit.self])

  struct Admit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Admit a new member into a cell, with the admission decision and the two sponsors.",
      discussion: "The member starts a 12-month probation; `membership overdue` lists probations owed a decision.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The cell's code.") var cell: String
    @Option(help: "Full name, with marks.") var name: String
    @Option(help: "Nam or Nữ.") var gender: String
    @Option(help: "Birth date.") var born: Day
    @Option(help: "The admission date (the decision's date).") var on: Day
    @Option(help: "The admission decision's number.") var decision: String
    @Option(help: "A sponsor (party card number or DangVu number); give two.") var sponsor: [String] = []
    @Option(help: "Ethnicity.") var ethnicity: String = "Kinh"
    @Option(help: "Religion.") var religion: String = "Không"
    @Option(name: .customLong("national-id"), help: "National ID number (12 digits).") var nationalID: String?
    @Option(help: "Education level.") var education: String = ""

    func run() async throws {
      do {
        let db = try await store.open()
        guard let gender = Gender(parsing: self.gender) else {
          throw DomainError("member.badGender", "Giới tính \"\(self.gender)\" không hợp lệ: ghi Nam hoặc Nữ.")
        }
        guard let unit = try await db.organisation(code: cell) else {
          throw DomainError("organisation.unknown", "Không tìm thấy chi bộ có mã \(cell).")
        }
        var sponsors: [Int64] = []
        for key in sponsor { sponsors.append(try await db.member(key: key).id) }
        let member = Member(
          fullName: name, gender: gender, birthDate: born, ethnicity: ethnicity, religion: religion,
          nationalID: nationalID, education: education)
        // The page's write: checked whole, and audited in its transaction with the operating-system user.
        let added = try await db.admitMember(
          NewMember(
            member: member, events: [MembershipEvent(memberID: 0, kind: .admitted, date: on, cellID: unit.id)],
            admission: AdmissionDecision(decisionNumber: decision, sponsorIDs: sponsors)), by: .commandLineUser)
        print(
          "Đã kết nạp \(name) (mã số \(added.member.id)) vào \(unit.code) ngày \(on.vietnamese); dự bị đến "
            + "\(on.adding(months: MemberTimeline.probationMonths).vietnamese).")
      } catch { throw fail(error) }
    }
  }

  struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record one dated event in a member's history; the whole history is checked first.",
      discussion: """
        Kinds: \(MembershipEventKind.allCases.map(\.rawValue).joined(separator: ", ")).
        A transfer inside the province takes two steps: transferSent --cell DEST by the sending cell, then
        transferReceived --cell DEST by the receiving one; in between the member is shown as in transit.
        """)
    @OptionGroup var store: StoreOptions
    @Argument(help: "The member (party card number or DangVu number).") var key: String
    @Option(help: "The kind of event (code name or Vietnamese words).") var kind: String
    @Option(help: "The date.") var on: Day
    @Option(help: "The cell the member goes into, for admission and transfers.") var cell: String?
    @Option(help: "Decision number or a note.") var note: String = ""

    func run() async throws {
      do {
        let db = try await store.open()
        guard let kind = EventKindWords.kind(self.kind) else {
          throw DomainError(
            "event.unknownKind",
            "\"\(self.kind)\" không phải loại sự kiện; các loại được nhận: \(EventKindWords.accepted).")
        }
        let member = try await db.member(key: key)
        var cellID: Int64?
        if let cell {
          guard let unit = try await db.organisation(code: cell) else {
            throw DomainError("organisation.unknown", "Không tìm thấy chi bộ có mã \(cell).")
          }
          cellID = unit.id
        }
        // The pages' writes, audited in their transaction with the operating-system user: the first step of a
        // transfer issues its letter (the note is the letter's number).
        if kind == .transferSent, let cellID {
          _ = try await db.issueTransferLetter(
            NewTransferLetter(memberID: member.id, toCellID: cellID, issued: on, number: note), expectedVersion: nil,
            by: .commandLineUser)
        } else {
          try await db.recordEvent(
            MembershipEvent(memberID: member.id, kind: kind, date: on, cellID: cellID, note: note),
            expectedVersion: nil, by: .commandLineUser)
        }
        print("Đã ghi \"\(kind.nameVi)\" ngày \(on.vietnamese) cho \(member.fullName).")
      } catch { throw fail(error) }
    }
  }

  struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Set or show a unit's admission plan for a year (a unit without one is held to the sum below it).")
    @OptionGroup var store: StoreOptions
    @Option(help: "The unit's code.") var org: String
    @Option(help: "The year.") var year: Int
    @Option(help: "How many to admit; leave out to show the plan.") var count: Int?

    func run() async throws {
      do {
        let db = try await store.open()
        if let count {
          // Audited like the page's form, with the operating-system user as the actor.
          try await db.setAdmissionPlan(
            AdmissionPlanEntry(organisationCode: org, year: year, planned: count), by: .commandLineUser)
        }
        if let plan = try await db.admissionPlan(of: org, year: year) {
          print("Chỉ tiêu kết nạp năm \(year) của \(org): \(VietnameseNumber.count(plan)) đảng viên.")
        } else {
          print("\(org) chưa có chỉ tiêu kết nạp năm \(year).")
        }
      } catch { throw fail(error) }
    }
  }

  /// Where and when a list is drawn: a subtree (or everything) on a day (today by default).
  struct ListOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this unit and the units below it.") var org: String?
    @Option(help: "The date; today when left out.") var on: Day?
  }

  struct Overdue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Probationary members whose 12 months are over with no decision recorded.")
    @OptionGroup var list: ListOptions

    func run() async throws {
      do {
        let day = self.list.on ?? Day.today
        let list = try await self.list.store.open().overdueProbations(within: self.list.org, on: day)
        for p in list {
          print(
            "\(p.memberID)\t\(p.fullName)\t\(p.cellCode)\tkết nạp \(p.admitted.vietnamese)\thết dự bị \(p.probationEnded.vietnamese)"
          )
        }
        print("\(list.count) đảng viên dự bị quá hạn chưa xét công nhận chính thức vào ngày \(day.vietnamese).")
      } catch { throw fail(error) }
    }
  }

  struct InTransit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "in-transit", abstract: "Members sent by a cell and not yet received by the next.")
    @OptionGroup var list: ListOptions

    func run() async throws {
      do {
        let day = self.list.on ?? Day.today
        let list = try await self.list.store.open().membersInTransit(within: self.list.org, on: day)
        for t in list {
          let late = t.overdue ? "\tquá \(TransitEntry.daysToPresentLetter) ngày" : ""
          print("\(t.memberID)\t\(t.fullName)\t\(t.fromCellCode) → \(t.toCellCode)\tgửi \(t.sent.vietnamese)\(late)")
        }
        print("\(list.count) đảng viên đang chuyển sinh hoạt đảng vào ngày \(day.vietnamese).")
      } catch { throw fail(error) }
    }
  }
}
