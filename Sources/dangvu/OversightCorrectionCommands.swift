import ArgumentParser
import DangVuCore
import DangVuStore

/// `dangvu oversight correct-inspection|correct-decision|correct-complaint`: a record entered wrongly, corrected with
/// a reason as the inspection staff correct it on its page; what is not named keeps its value. Each is checked as a
/// new record is and written with its audit entry (the old record kept) under the operating-system user.
extension OversightCommand {
  static func unknown(_ what: String, _ id: Int64) -> DomainError {
    DomainError("oversight.unknown", "Không tìm thấy \(what) số \(id).")
  }

  struct CorrectInspection: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "correct-inspection", abstract: "Correct an inspection or supervision entered wrongly.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The inspection's number in DangVu.") var inspection: Int64
    @Option(help: "Why it is corrected.") var reason: String
    @Option(help: "The kind: a code (inspection.regular…) or its words (giám sát chuyên đề…).") var kind: String?
    @Option(help: "cấp ủy or ủy ban kiểm tra.") var organ: String?
    @Option(help: "The title.") var title: String?
    @Option(help: "Day it began.") var started: String?
    @Option(help: "Day of the conclusion.") var concluded: String?
    @Flag(help: "Not concluded yet: clears the day of the conclusion.") var running = false
    @Option(help: "The members inspected, by party card number, separated by commas (replaces them).")
    var members: String?
    @Option(help: "The units inspected, by code, separated by commas (replaces them).") var units: String?

    func run() async throws {
      do {
        let db = try await store.open()
        guard let i = try await db.inspection(id: inspection) else {
          throw OversightCommand.unknown("cuộc kiểm tra, giám sát", inspection)
        }
        var subjects = i.subjects.map(\.subject)
        if let members {
          var cards: [OversightSubject] = []
          for card in Self.list(members) {
            guard let found = try await db.member(cardNumber: card) else {
              throw DomainError("member.unknown", "Không có đảng viên nào số thẻ \(card).")
            }
            cards.append(.member(found.id))
          }
          subjects = cards + subjects.filter { !$0.isMember }
        }
        if let units { subjects = subjects.filter(\.isMember) + Self.list(units).map { .unit(code: $0) } }
        let saved = try await db.correctInspection(
          InspectionCorrection(
            inspectionID: i.id, kind: try kind.map(Self.kind) ?? i.kind,
            organ: try organ.map(Self.organ) ?? i.body.organ, title: title ?? i.title,
            started: try started.map { try OversightCommand.day($0, "--started") } ?? i.started,
            concluded: running ? nil : try concluded.map { try OversightCommand.day($0, "--concluded") } ?? i.concluded,
            subjects: subjects, reason: reason), by: .commandLineUser)
        print("Đã sửa cuộc \(saved.kind.nameVi) số \(saved.id) \"\(saved.title)\" (\(saved.subjects.count) đối tượng).")
      } catch { throw fail(error) }
    }

    static func list(_ text: String) -> [String] {
      text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func kind(_ text: String) throws -> OversightKind {
      guard let kind = OversightKind(parsing: text) else {
        throw DomainError("inspection.kind", "\"\(text)\" không phải loại kiểm tra, giám sát.")
      }
      return kind
    }

    static func organ(_ text: String) throws -> ConductingBody.Organ {
      guard let organ = ConductingBody.Organ(parsing: text) else {
        throw DomainError("inspection.organ", "\"\(text)\" không phải cấp ủy hoặc ủy ban kiểm tra.")
      }
      return organ
    }
  }

  struct CorrectDecision: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "correct-decision",
      abstract: "Correct a discipline decision's number, violation day, categories, self-correction or note.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The decision's number in DangVu (#, from history).") var decision: Int64
    @Option(help: "Why it is corrected.") var reason: String
    @Option(help: "The decision's number (12-QĐ/UBKT).") var number: String?
    @Option(help: "Violation date.") var violated: String?
    @Option(help: "Violation categories (codes or names), separated by | (replaces them).") var violations: String?
    @Option(help: "true when the unit found and fixed the violation itself, else false.") var selfCorrected: Bool?
    @Option(help: "The note.") var note: String?

    func run() async throws {
      do {
        let db = try await store.open()
        guard let d = try await db.disciplineDecision(id: decision)?.history.decision else {
          throw OversightCommand.unknown("quyết định kỷ luật", decision)
        }
        var categories = d.categories
        if let violations { categories = try await OversightCommand.categories(violations, in: db) }
        let saved = try await db.correctDiscipline(
          DisciplineCorrection(
            decisionID: d.id, number: number ?? d.number,
            violated: try violated.map { try OversightCommand.day($0, "--violated") } ?? d.violated,
            categories: categories,
            selfCorrected: selfCorrected ?? d.selfCorrected, note: note ?? d.note, reason: reason),
          by: .commandLineUser)
        print("Đã sửa quyết định kỷ luật #\(saved.id) (\(saved.number)).")
      } catch { throw fail(error) }
    }
  }

  struct CorrectComplaint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "correct-complaint",
      abstract: "Correct a complaint's or denunciation's kind, summary, settlement day or finding.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The complaint's number in DangVu.") var complaint: Int64
    @Option(help: "Why it is corrected.") var reason: String
    @Option(help: "complaint (khiếu nại) or denunciation (tố cáo).") var kind: String?
    @Option(help: "The summary.") var summary: String?
    @Option(help: "Day it was resolved.") var resolved: String?
    @Option(help: "đúng, sai or đúng một phần.") var finding: String?
    @Flag(help: "Not resolved yet: clears the day and the finding.") var unresolved = false

    func run() async throws {
      do {
        let db = try await store.open()
        guard let c = try await db.complaint(id: complaint)?.complaint else {
          throw OversightCommand.unknown("đơn khiếu nại, tố cáo", complaint)
        }
        let saved = try await db.correctComplaint(
          ComplaintCorrection(
            complaintID: c.id, kind: try kind.map(Self.kind) ?? c.kind, summary: summary ?? c.summary,
            resolved: unresolved ? nil : try resolved.map { try OversightCommand.day($0, "--resolved") } ?? c.resolved,
            finding: unresolved ? nil : try finding.map(Self.finding) ?? c.finding, reason: reason),
          by: .commandLineUser)
        print("Đã sửa đơn \(saved.kind.nameVi) số \(saved.id).")
      } catch { throw fail(error) }
    }

    static func kind(_ text: String) throws -> Complaint.Kind {
      if let kind = Complaint.Kind(rawValue: text) { return kind }
      switch SearchFolding.words(text).joined(separator: " ") {
      case "khieu nai": return .complaint
      case "to cao": return .denunciation
      default: throw DomainError("complaint.kind", "\"\(text)\" không phải loại đơn: khiếu nại hoặc tố cáo.")
      }
    }

    static func finding(_ text: String) throws -> Complaint.Finding {
      guard let finding = Complaint.Finding(parsing: text) else {
        throw DomainError("complaint.finding", "\"\(text)\" không phải kết luận: đúng, sai, đúng một phần.")
      }
      return finding
    }
  }
}
