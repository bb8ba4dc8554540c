import ArgumentParser
import DangVuCore
import DangVuDemo
import DangVuStore
import Foundation

extension GradeOutcome: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }
}

extension CycleKind: ExpressibleByArgument {}
extension SubjectGroup: ExpressibleByArgument {}

/// `--kind` and `--period` naming a cycle other than the year (366-QĐ/TW): a quarter 2026-Q1, a term 2020-2025, or
/// ad hoc 2026-03-01..2026-04-15. Without them the yearly cycle of `--year`, as always.
struct CycleOptions: ParsableArguments {
  @Option(help: "term, year, quarter or adHoc (default: year).") var kind: CycleKind = .year
  @Option(help: "The period of a term, quarter or ad hoc cycle: 2020-2025, 2026-Q1, 2026-03-01..2026-04-15.")
  var period: String?

  /// The cycle named, or nil for the yearly one.
  func cycle() throws -> CyclePeriod? {
    guard kind != .year else {
      guard period == nil else {
        throw DomainError("evaluation.periodWithoutKind", "--period cần --kind term, quarter hoặc adHoc.")
      }
      return nil
    }
    guard let period else {
      throw DomainError("evaluation.periodMissing", "Đợt đánh giá \(kind.nameVi) cần --period.")
    }
    return try CyclePeriod(kind: kind, parsing: period)
  }
}

struct GradesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grades", abstract: "Run the annual evaluation: open a cycle, grade, submit, approve, reopen.",
    discussion:
      "Grades: excellent|good|complete|notComplete or the Vietnamese words (xuất sắc, tốt, hoàn thành, không hoàn thành). "
      + "Every write but demo is audited with the operating-system user, in the write's transaction.",
    subcommands: [Open.self, Cell.self, Set.self, Score.self, Import.self, List.self, Advance.self, Demo.self])

  struct Open: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Open the evaluation cycle of a year for a subtree, or under 366-QĐ/TW one of a term, quarter or ad hoc.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The year evaluated (the yearly cycle).") var year: Int?
    @OptionGroup var kind: CycleOptions
    @Option(help: "The evaluation date; the regulation in force that day applies.") var date: Day
    @Option(help: "The unit whose subtree is evaluated; the province when left out.") var org: String?

    func run() async throws {
      do {
        let db = try await store.open()
        let scope: String
        if let org { scope = org } else { scope = try await db.rootCode(on: date) }
        if let byKind = try kind.cycle() {
          let cycle = try await db.openEvaluationCycle(
            scope: scope, byKind, evaluationDate: date, by: .commandLineUser)
          print(
            "Đã mở đợt đánh giá \(cycle.nameVi) cho \(cycle.scopeCode), ngày đánh giá \(cycle.evaluationDate.vietnamese), theo \(cycle.regulation)."
          )
          return
        }
        guard let year else {
          throw DomainError("evaluation.yearMissing", "Hãy ghi --year cho đợt đánh giá hằng năm.")
        }
        let cycle = try await db.openEvaluationCycle(
          scope: scope, year: year, evaluationDate: date, by: .commandLineUser)
        print(
          "Đã mở đợt đánh giá năm \(cycle.year) cho \(cycle.scopeCode), ngày đánh giá \(cycle.evaluationDate.vietnamese), theo \(cycle.regulation)."
        )
      } catch { throw fail(error) }
    }
  }

  struct Cell: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Grade every member of a cell at once (one transaction): a grade for all, with exceptions by card number.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The cell's code.") var code: String
    @Option(help: "The year evaluated.") var year: Int
    @Option(help: "The grade of every member not listed with --set.") var grade: GradeOutcome
    @Option(name: .customLong("set"), help: "CARD=GRADE for a member graded differently; repeat as needed.")
    var exceptions: [String] = []

    func run() async throws {
      do {
        let db = try await store.open()
        guard let cycle = try await db.cycleCovering(code: code, year: year) else {
          throw DomainError("evaluation.noCycle", "Chưa mở đợt đánh giá năm \(year) cho \(code) hoặc cấp trên.")
        }
        var byCard: [String: GradeOutcome] = [:]
        for item in exceptions {
          let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
          guard parts.count == 2, let outcome = GradeOutcome(parsing: parts[1]) else {
            throw DomainError(
              "evaluation.badException", "\"\(item)\" phải có dạng SỐ_THẺ=XẾP_LOẠI, ví dụ 12345678=xuất sắc.")
          }
          byCard[parts[0]] = outcome
        }
        let register = try await db.register(of: code, on: cycle.evaluationDate).filter { !$0.exempt }
        let known = Swift.Set(register.compactMap(\.member.partyCardNumber))
        if let stray = byCard.keys.first(where: { !known.contains($0) }) {
          throw DomainError("evaluation.notInCell", "Số thẻ \(stray) không thuộc \(code) vào ngày đánh giá.")
        }
        let entries = register.map { e in
          GradeEntry(subject: .member(e.member.id), outcome: e.member.partyCardNumber.flatMap { byCard[$0] } ?? grade)
        }
        let recorded = try await db.recordGrades(entries, year: year, unit: code, by: .commandLineUser)
        for r in recorded {
          print("\(r.subjectName)\t\(r.outcome.nameVi(for: .member))\(r.replacedBecause.map { "\t(\($0))" } ?? "")")
        }
        print("Đã ghi kết quả của \(recorded.count) đảng viên \(code) năm \(year) (bản nháp).")
      } catch { throw fail(error) }
    }
  }

  struct Set: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Grade one subject: a member, a unit, a collective or a cadre.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The year evaluated.") var year: Int
    @Option(help: "A member, by party card number.") var member: String?
    @Option(help: "A member in a leading post, graded in that role, by party card number.") var cadre: String?
    @Option(help: "A unit, by code.") var org: String?
    @Option(help: "A leadership collective, by its number.") var collective: Int64?
    @Option(help: "The grade.") var grade: GradeOutcome
    /// From 2025 (366-QĐ/TW) the grade is scored per criterion group: `--points general=28 --points tasks=65`.
    @OptionGroup var sheet: ScoreSheetOptions
    @Option(help: "Months of sick leave in the year.") var sickLeaveMonths: Int = 0

    func run() async throws {
      do {
        let db = try await store.open()
        let subject = try await GradesCommand.subject(
          member: member, cadre: cadre, org: org, collective: collective, in: db)
        // Filed under the unit the grade is counted in (the member's cell, the unit's parent), as the pages file it.
        let recorded = try await db.recordGrades(
          [
            GradeEntry(
              subject: subject, outcome: grade, sheet: try sheet.sheet(usual: subject.usualFramework),
              sickLeaveMonths: sickLeaveMonths)
          ], year: year, unit: nil, by: .commandLineUser)
        for r in recorded {
          print(
            "\(r.subjectName): \(r.score.map { "\($0) điểm, " } ?? "")\(r.outcome.nameVi(for: r.subject.reasonSubject))"
              + (r.replacedBecause.map { " — \($0)" } ?? ""))
        }
      } catch { throw fail(error) }
    }
  }

  struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Record a year's grades from a CSV file or an XLSX workbook (docs/import-formats.md); a file with any bad row "
        + "writes nothing.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file or XLSX workbook.") var file: String
    @Option(help: "The year evaluated.") var year: Int
    @Option(help: "Workbook only: the sheet to read (default: the first).") var sheet: String?

    func run() async throws {
      do {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw DomainError("import.cannotRead", "Không đọc được tệp \(file).")
        }
        let bytes = [UInt8](data)
        // One `import.file` entry, as `dangvu import grades` leaves, written with the grades.
        let audit = ImportAudit(
          actor: .commandLineUser, kind: .grades, fileName: URL(fileURLWithPath: file).lastPathComponent,
          sha256: AuditChain.sha256Hex(bytes))
        let recorded: [RecordedGrade]
        if ImportFileKind.isWorkbook(bytes) || file.lowercased().hasSuffix(".xlsx") {
          recorded = try await GradesFile.importing(
            workbook: bytes, sheet: sheet, year: year, audit: audit, into: store.open())
        } else {
          recorded = try await GradesFile.importing(bytes, year: year, audit: audit, into: store.open())
        }
        for r in recorded where r.replacedBecause != nil { print("\(r.subjectName): \(r.replacedBecause!)") }
        print("Đã ghi \(VietnameseNumber.count(recorded.count)) kết quả xếp loại năm \(year) từ \(file) (bản nháp).")
      } catch let error as ImportError {
        FileHandleOutput.standardError.write("Không nhập tệp \(file).\n\(error)\n")
        throw ExitCode.failure
      } catch { throw fail(error) }
    }
  }

  struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Grade a demo database for more years with the demo's distributions (opens each year's cycles).")
    @OptionGroup var store: StoreOptions
    @Option(help: "Years to grade, comma-separated.") var years: String
    @Option(help: "Seed of the grades: the same seed gives the same grades.") var seed: UInt64 = 1

    func run() async throws {
      do {
        let list = try YearList.parse(years, option: "--years")
        let bar = ProgressBar()
        let start = ContinuousClock.now
        let n = try await DemoGrades.grade(store.open(), years: list, seed: seed) { bar.update($0) }
        bar.finish()
        print(
          "Đã ghi \(VietnameseNumber.count(n)) kết quả xếp loại trong \(ProgressBar.format(ContinuousClock.now - start))."
        )
      } catch { throw fail(error) }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the grades of a subtree with their workflow state.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The unit's code.") var code: String
    @Option(help: "The year evaluated (the yearly cycle).") var year: Int?
    @OptionGroup var kind: CycleOptions

    func run() async throws {
      do {
        let db = try await store.open()
        let grades: [RecordedGrade]
        let cycle = try kind.cycle()
        if let cycle {
          grades = try await db.grades(of: code, in: cycle)
        } else {
          guard let year else {
            throw DomainError("evaluation.yearMissing", "Hãy ghi --year, hoặc --kind và --period cho đợt khác năm.")
          }
          grades = try await db.grades(of: code, year: year)
        }
        for g in grades {
          // A grade scored under 366-QĐ/TW shows its score; a grade voted directly (before 2025) has none.
          let score = g.score.map { "\t\($0) điểm" } ?? ""
          print("\(g.subjectName)\t\(g.outcome.nameVi(for: g.subject.reasonSubject))\(score)\t\(g.state.rawValue)")
        }
        print("\(grades.count) kết quả.")
      } catch { throw fail(error) }
    }
  }

  struct Advance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "advance",
      abstract:
        "Submit a subtree's draft grades, approve submitted ones (locking them), or reopen them (with a reason).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "submit, approve, sendBack or reopen.") var action: GradeWorkflowAction
    @Argument(help: "The unit's code.") var code: String
    @Option(help: "The year evaluated.") var year: Int
    @Option(help: "The reason; required to send back or reopen.") var note: String = ""

    func run() async throws {
      do {
        // Recorded in the audit trail as the operating-system user, in the write's transaction.
        let n = try await store.open().advanceGrades(
          of: code, year: year, to: action, by: .commandLineUser, reason: note)
        print("Đã \(action.nameVi) \(n) kết quả của \(code) năm \(year).")
      } catch { throw fail(error) }
    }
  }
}

extension GradeWorkflowAction: ExpressibleByArgument {}

extension PartyStore {
  func requireMember(card: String) async throws -> Member {
    guard let m = try await member(cardNumber: card) else {
      throw DomainError("member.unknown", "Không tìm thấy đảng viên có số thẻ \(card).")
    }
    return m
  }
}

extension GradesCommand {
  /// The one subject `grades set` and `grades score` are given: a member or cadre by card, a unit by code, a
  /// collective by number.
  static func subject(
    member: String?, cadre: String?, org: String?, collective: Int64?, in db: some PartyStore
  ) async throws -> GradedSubject {
    switch (member, cadre, org, collective) {
    case (let card?, nil, nil, nil): return .member(try await db.requireMember(card: card).id)
    case (nil, let card?, nil, nil): return .leadershipCadre(memberID: try await db.requireMember(card: card).id)
    case (nil, nil, let code?, nil): return .organisation(code: code)
    case (nil, nil, nil, let id?): return .leadershipCollective(id)
    default:
      throw DomainError(
        "evaluation.oneSubject", "Hãy chỉ định đúng một đối tượng: --member, --cadre, --org hoặc --collective.")
    }
  }
}
