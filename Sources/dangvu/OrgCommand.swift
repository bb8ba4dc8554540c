import ArgumentParser
import DangVuCore
import DangVuStore

/// Dates on the command line: dd/mm/yyyy or yyyy-mm-dd.
extension Day: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }
}

struct OrgCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "org", abstract: "Look at and change the organisation tree (units are never deleted, only ended).",
    subcommands: [Tree.self, Add.self, Rename.self, Move.self, Merge.self, Dissolve.self])

  struct Tree: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the tree as it stood on a date.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Start from this unit (its code); the whole tree when left out.") var root: String?
    @Option(help: "The date, dd/mm/yyyy or yyyy-mm-dd; today when left out.") var date: Day?
    @Option(help: "How many levels to print.") var depth: Int = 2

    func run() async throws {
      do {
        let db = try await store.open()
        let day = date ?? Day.today
        let tree = try await db.tree(on: day, root: root)
        let kinds = try await db.unitKinds()
        func show(_ unit: Organisation, level: Int) {
          print(String(repeating: "  ", count: level) + "\(unit.code)  \(unit.name)  [\(kinds.nameVi(of: unit.kind))]")
          guard level + 1 < depth else { return }
          for child in tree.children(of: unit.id) { show(child, level: level + 1) }
        }
        let tops = root.flatMap { code in tree.units.values.first { $0.code == code } }.map { [$0] } ?? tree.roots
        for top in tops { show(top, level: 0) }
        print("\(tree.units.count) tổ chức vào ngày \(day.vietnamese).")
      } catch { throw fail(error) }
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a unit under a parent.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The unit's code, unique in the province.") var code: String
    @Option(help: "The unit's name.") var name: String
    @Option(
      help:
        "Its kind: provincialCommittee, districtCommittee, communeCommittee, grassrootsCommittee, grassrootsCell, partialCommittee, subordinateCell."
    )
    var kind: String
    @Option(help: "The parent's code (left out only for a province).") var parent: String?
    @Option(help: "Founding date.") var founded: Day

    func run() async throws {
      do {
        let db = try await store.open()
        // Both audited with the operating-system user in the write's transaction: a unit under a parent as a
        // change to the tree like any other, a new province (no parent) as the top of the tree.
        if let parent {
          try await db.changeTree(
            .found(code: code, name: name, kind: UnitKind(kind), parentCode: parent, on: founded),
            by: .commandLineUser)
        } else {
          try await db.foundTopUnit(code: code, name: name, kind: UnitKind(kind), on: founded, by: .commandLineUser)
        }
        print("Đã thêm \(code) \(name).")
      } catch { throw fail(error) }
    }
  }

  struct Rename: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rename a unit from a date; the old name stays in its history.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The unit's code.") var code: String
    @Option(help: "The new name.") var name: String
    @Option(help: "The first day under the new name.") var date: Day

    func run() async throws {
      do {
        try await store.open().changeTree(.rename(code: code, name: name, on: date), by: .commandLineUser)
        print("Đã đổi tên \(code) thành “\(name)” từ ngày \(date.vietnamese).")
      } catch { throw fail(error) }
    }
  }

  struct Move: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Move a unit (with everything below it) under another parent from a date.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The unit's code.") var code: String
    @Option(help: "The new parent's code.") var parent: String
    @Option(help: "The first day under the new parent.") var date: Day

    func run() async throws {
      do {
        try await store.open().changeTree(.move(code: code, parentCode: parent, on: date), by: .commandLineUser)
        print("Đã chuyển \(code) về trực thuộc \(parent) từ ngày \(date.vietnamese).")
      } catch { throw fail(error) }
    }
  }

  struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge a unit into another: its units move across, its members transfer, and it ends.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The code of the unit that is merged away.") var code: String
    @Option(help: "The code of the unit it is merged into.") var into: String
    @Option(help: "The day of the merger.") var date: Day

    func run() async throws {
      do {
        try await store.open().changeTree(.merge(code: code, intoCode: into, on: date), by: .commandLineUser)
        print("Đã sáp nhập \(code) vào \(into) từ ngày \(date.vietnamese).")
      } catch { throw fail(error) }
    }
  }

  struct Dissolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "End a unit and the units below it on a date (refused while members remain: transfer them first).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The unit's code.") var code: String
    @Option(help: "The first day the unit no longer exists.") var date: Day

    func run() async throws {
      do {
        try await store.open().changeTree(.dissolve(code: code, on: date), by: .commandLineUser)
        print("Đã ghi nhận \(code) chấm dứt hoạt động từ ngày \(date.vietnamese).")
      } catch { throw fail(error) }
    }
  }
}
