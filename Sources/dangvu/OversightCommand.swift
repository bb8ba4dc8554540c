import ArgumentParser
import DangVuCore
import DangVuStore

extension Appeal.Outcome {
  fileprivate static func parse(_ text: String, newForm: String?) throws -> Appeal.Outcome {
    switch SearchFolding.words(text).joined(separator: " ") {
    case "upheld", "giu nguyen": return .upheld
    case "annulled", "xoa bo": return .annulled
    case "changed", "thay doi":
      guard let newForm, let form = DisciplineForm(parsing: newForm) else {
        throw DomainError("appeal.newForm", "Thay đổi hình thức kỷ luật cần --new-form (khiển trách, cảnh cáo, …).")
      }
      return .changed(form)
    default:
      throw DomainError("appeal.outcome", "\"\(text)\" không phải kết quả: upheld (giữ nguyên), changed, annulled.")
    }
  }
}

/// `dangvu oversight`: single records of the inspection commission, and a subject's discipline history.
/// Files of many records go through `dangvu import inspections|discipline|appeals|complaints`.
struct OversightCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "oversight",
    abstract:
      "Record discipline, appeals, conclusions and resolutions one at a time, correct them; show discipline history.",
    subcommands: [
      History.self, Discipline.self, AppealCommand.self, Conclude.self, Resolve.self, Progress.self,
      CorrectInspection.self, CorrectDecision.self, CorrectComplaint.self,
    ])

  /// A member by party card number or a unit by code.
  struct SubjectOptions: ParsableArguments {
    @Option(help: "The member's party card number.") var member: String?
    @Option(help: "The unit's code.") var org: String?

    func resolve(in db: some PartyStore) async throws -> OversightSubject {
      switch (member, org) {
      case (let card?, nil):
        guard let found = try await db.member(cardNumber: card) else {
          throw DomainError("member.unknown", "Không có đảng viên nào số thẻ \(card).")
        }
        return .member(found.id)
      case (nil, let code?): return .unit(code: code)
      default: throw DomainError("oversight.subject", "Hãy chọn đúng một đối tượng: --member SỐ_THẺ hoặc --org MÃ.")
      }
    }
  }

  static func day(_ text: String, _ option: String) throws -> Day {
    guard let d = Day(parsing: text) else { throw DomainError("date", "Không đọc được ngày \(option) \"\(text)\".") }
    return d
  }

  /// Violation categories named by code or by name (diacritics optional), separated by `|`.
  static func categories(_ text: String, in db: some PartyStore) async throws -> [String] {
    let categories = try await db.violationCategories()
    return try text.split(separator: "|").map { part in
      let words = SearchFolding.words(part).joined(separator: " ")
      guard
        let c = categories.first(where: {
          SearchFolding.words($0.code).joined(separator: " ") == words
            || SearchFolding.words($0.nameVi).joined(separator: " ") == words
        })
      else { throw DomainError("discipline.category", "\"\(part)\" không phải nội dung vi phạm đã khai báo.") }
      return c.code
    }
  }

  struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Every discipline decision about a subject, with appeals.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var subject: SubjectOptions

    func run() async throws {
      do {
        let db = try await store.open()
        let history = try await db.disciplineHistory(of: subject.resolve(in: db))
        let names = Dictionary(uniqueKeysWithValues: try await db.violationCategories().map { ($0.code, $0.nameVi) })
        if history.isEmpty { print("Không có quyết định kỷ luật nào.") }
        for h in history {
          let d = h.decision
          print(
            "#\(d.id) \(d.number) ngày \(d.decided.vietnamese): \(d.form.nameVi) (vi phạm ngày \(d.violated.vietnamese); "
              + "\(d.categories.map { names[$0] ?? $0 }.joined(separator: "; ")))")
          for a in h.appeals {
            print("   khiếu nại nhận \(a.lodged.vietnamese), giải quyết \(a.decided.vietnamese): \(a.outcome.nameVi)")
          }
          print("   hiện hành: \(h.form(on: Day.today)?.nameVi ?? "đã xóa bỏ")")
        }
      } catch { throw fail(error) }
    }
  }

  struct Discipline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a discipline decision (expulsion ends the membership; dissolution ends the unit).")
    @OptionGroup var store: StoreOptions
    @OptionGroup var subject: SubjectOptions
    @Option(help: "khiển trách, cảnh cáo, cách chức, khai trừ, giải tán.") var form: String
    @Option(help: "Violation categories (codes or names), separated by |.") var violations: String
    @Option(help: "The deciding unit's code.") var body: String
    @Option(help: "cấp ủy or ủy ban kiểm tra.") var organ: String = "inspectionCommission"
    @Option(help: "Decision number.") var number: String
    @Option(help: "Decision date.") var decided: String
    @Option(help: "Violation date.") var violated: String
    @Flag(help: "The unit found and fixed the violation itself.") var selfCorrected = false

    func run() async throws {
      do {
        let db = try await store.open()
        guard let form = DisciplineForm(parsing: form) else {
          throw DomainError("discipline.form", "\"\(self.form)\" không phải hình thức kỷ luật.")
        }
        guard let organ = ConductingBody.Organ(parsing: organ) else {
          throw DomainError("discipline.organ", "\"\(self.organ)\" không phải cấp ủy hoặc ủy ban kiểm tra.")
        }
        let codes = try await OversightCommand.categories(violations, in: db)
        let recorded = try await db.recordDiscipline(
          DisciplineDecision(
            subject: try await subject.resolve(in: db), form: form, categories: codes,
            decidingBody: ConductingBody(organ, of: body), number: number,
            decided: try OversightCommand.day(decided, "--decided"),
            violated: try OversightCommand.day(violated, "--violated"),
            selfCorrected: selfCorrected), by: .commandLineUser)
        print("Đã ghi quyết định kỷ luật #\(recorded.id) (\(number)): \(form.nameVi).")
      } catch { throw fail(error) }
    }
  }

  struct AppealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "appeal", abstract: "Record the settlement of an appeal against a decision (by its # number).")
    @OptionGroup var store: StoreOptions
    @Option(help: "The decision's number in DangVu (#, from history).") var decision: Int64
    @Option(help: "Day the appeal was lodged.") var lodged: String
    @Option(help: "Day it was settled.") var decided: String
    @Option(help: "upheld, changed or annulled.") var outcome: String
    @Option(help: "With changed: the new form.") var newForm: String?

    func run() async throws {
      do {
        let appeal = Appeal(
          decisionID: decision, lodged: try OversightCommand.day(lodged, "--lodged"),
          decided: try OversightCommand.day(decided, "--decided"),
          outcome: try Appeal.Outcome.parse(outcome, newForm: newForm))
        try await store.open().recordAppeal(appeal, by: .commandLineUser)
        print("Đã ghi kết quả khiếu nại: \(appeal.outcome.nameVi).")
      } catch { throw fail(error) }
    }
  }

  struct Conclude: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Conclude a running inspection or supervision.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The inspection's number in DangVu.") var inspection: Int64
    @Option(help: "Day of the conclusion.") var on: String

    func run() async throws {
      do {
        _ = try await store.open().concludeInspection(
          id: inspection, on: try OversightCommand.day(on, "--on"), findings: [], by: .commandLineUser)
        print("Đã ghi kết luận cuộc số \(inspection).")
      } catch { throw fail(error) }
    }
  }

  struct Resolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mark a complaint or denunciation resolved.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The complaint's number in DangVu.") var complaint: Int64
    @Option(help: "Day it was resolved.") var on: String
    @Option(help: "đúng, sai or đúng một phần.") var finding: String

    func run() async throws {
      do {
        guard let finding = Complaint.Finding(parsing: finding) else {
          throw DomainError("complaint.finding", "\"\(self.finding)\" không phải kết luận: đúng, sai, đúng một phần.")
        }
        _ = try await store.open().resolveComplaint(
          id: complaint, on: try OversightCommand.day(on, "--on"), finding: finding, by: .commandLineUser)
        print("Đã ghi kết quả giải quyết đơn số \(complaint): \(finding.nameVi).")
      } catch { throw fail(error) }
    }
  }

  struct Progress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A body's yearly inspection and supervision programme against what it has begun.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The unit's code.") var body: String
    @Option(help: "cấp ủy or ủy ban kiểm tra.") var organ: String = "inspectionCommission"
    @Option(help: "The year.") var year: Int

    func run() async throws {
      do {
        guard let organ = ConductingBody.Organ(parsing: organ) else {
          throw DomainError("programme.organ", "\"\(self.organ)\" không phải cấp ủy hoặc ủy ban kiểm tra.")
        }
        guard
          let progress = try await store.open().programmeProgress(
            body: ConductingBody(organ, of: body), year: year, on: Day.today)
        else {
          print("Chưa có chương trình kiểm tra, giám sát năm \(year) của \(organ.nameVi) \(body).")
          return
        }
        for line in progress.lines {
          let kind = OversightKind(code: line.kind)?.nameVi ?? line.kind
          print(
            "\(kind): dự kiến \(line.planned), đã tiến hành \(line.begun)"
              + (line.share.map { " (\($0.vietnamese)%)" } ?? "") + ", đã kết luận \(line.concluded)")
        }
      } catch { throw fail(error) }
    }
  }
}
