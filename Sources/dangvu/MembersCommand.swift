import ArgumentParser
import DangVuCore
import DangVuStore

struct MembersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "members", abstract: "Look up members in the register.",
    subcommands: [Search.self, Show.self, Register.self])

  struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Find members by name, ignoring tone marks: \"dang\" finds \"Đặng\", \"nguyen van\" finds \"Nguyễn Văn …\".")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Words of the name, with or without marks.") var text: String
    @Option(help: "Only current members of this unit and the units below it (its code).") var org: String?
    @Option(help: "At most this many results.") var limit: Int = 50

    func run() async throws {
      do {
        let hits = try await store.open().searchMembers(text, within: org, on: .today, limit: limit)
        for hit in hits {
          let cell = hit.cellCode.map { "\($0) \(hit.cellName ?? "")" } ?? "(không còn trong danh sách)"
          print("\(hit.id)\t\(hit.fullName)\t\(hit.birthDate.vietnamese)\t\(hit.partyCardNumber ?? "-")\t\(cell)")
        }
        if hits.isEmpty { print("Không tìm thấy đảng viên nào khớp \"\(text)\".") }
      } catch { throw fail(error) }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a member's record and dated history.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The member's number in DangVu, or the party card number.") var key: String

    func run() async throws {
      do {
        let db = try await store.open()
        let member = try await db.member(key: key)
        let timeline = try await db.timeline(ofMember: member.id)
        print("\(member.fullName) — \(member.gender.nameVi), sinh ngày \(member.birthDate.vietnamese)")
        print("Số thẻ: \(member.partyCardNumber ?? "-")   Dân tộc: \(member.ethnicity)   Tôn giáo: \(member.religion)")
        print(
          "Quê quán: \(member.homeTown)   Học vấn: \(member.education)   Lý luận chính trị: \(member.politicalTheory)")
        for post in member.posts {
          print("Chức vụ: \(post.title) từ \(post.from.vietnamese)\(post.until.map { " đến \($0.vietnamese)" } ?? "")")
        }
        for event in timeline.events {
          var line = "\(event.date.vietnamese)  \(event.kind.nameVi)"
          if let cell = event.cellID, let unit = try await db.organisation(id: cell) {
            line += "  → \(unit.code) \(unit.name)"
          }
          if !event.note.isEmpty { line += "  (\(event.note))" }
          print(line)
        }
      } catch { throw fail(error) }
    }
  }

  struct Register: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the members of a unit and the units below it on a date, rebuilt from their histories.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The unit's code.") var code: String
    @Option(help: "The date, dd/mm/yyyy or yyyy-mm-dd; today when left out.") var date: Day?

    func run() async throws {
      do {
        let day = date ?? Day.today
        let entries = try await store.open().register(of: code, on: day)
        for e in entries {
          print("\(e.member.id)\t\(e.member.fullName)\t\(e.standing.nameVi)\(e.exempt ? " (miễn sinh hoạt)" : "")")
        }
        print("\(entries.count) đảng viên của \(code) vào ngày \(day.vietnamese).")
      } catch { throw fail(error) }
    }
  }
}

extension RegisterStore {
  /// A member named the way people name one on the command line: the party card number, or DangVu's number.
  func member(key: String) async throws -> Member {
    if let card = try await member(cardNumber: key) { return card }
    if let id = Int64(key), let found = try await member(id: id) { return found }
    throw DomainError("member.unknown", "Không tìm thấy đảng viên có mã số hoặc số thẻ \"\(key)\".")
  }
}
