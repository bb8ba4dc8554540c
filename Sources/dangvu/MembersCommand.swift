import ArgumentParser
import DangVuCore
import DangVuStore

struct MembersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "members", abstract: "Look up members in the register.",
    subcommands: [Search.self])

  struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find members by name, ignoring tone marks: \"dang\" finds \"Đặng\", \"nguyen van\" finds \"Nguyễn Văn …\".")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Words of the name, with or without marks.") var text: String
    @Option(help: "Only current members of this unit and the units below it (its code).") var org: String?
    @Option(help: "At most this many results.") var limit: Int = 50

    func run() async throws {
      do {
        let hits = try await store.open().searchMembers(text, within: org, limit: limit)
        for hit in hits {
          let cell = hit.cellCode.map { "\($0) \(hit.cellName ?? "")" } ?? "(không còn trong danh sách)"
          print("\(hit.id)\t\(hit.fullName)\t\(hit.birthDate.vietnamese)\t\(hit.partyCardNumber ?? "-")\t\(cell)")
        }
        if hits.isEmpty { print("Không tìm thấy đảng viên nào khớp \"\(text)\".") }
      } catch { throw fail(error) }
    }
  }
}
