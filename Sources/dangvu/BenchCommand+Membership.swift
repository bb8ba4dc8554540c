import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

extension BenchCommand {
  struct MembershipBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "membership",
      abstract:
        "Membership report latency, warm (everything, one province, one district), and a district's register on a past date."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The report period (2023, 2023-Q1, 2020-2025…).") var period: String = "2023"
    @Option(help: "The past date of the register lookups.") var date: Day = Day(year: 2022, month: 6, day: 30)!
    @Option(help: "Runs to time for each measurement.") var runs: Int = 50
    @Option(help: "Which of everything, province, district, register to measure (comma-separated).")
    var measure: String = "everything,province,district,register"

    func run() async throws {
      do {
        let db = try await store.open()
        let period = try ReportPeriod(parsing: self.period)
        let root = try await db.rootCode()
        let rootUnit = try await db.organisation(code: root)!
        let district = try await db.tree(on: period.through, root: root).children(of: rootUnit.id).first?.code ?? root
        let chosen = Set(measure.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let scopes: [(name: String, code: String?)] = [("everything", nil), ("province", root), ("district", district)]
        for (_, scope) in scopes.filter({ chosen.contains($0.name) }) {
          let times = try await LatencySummary.time(runs: runs) {
            _ = try await db.membershipReport(scope: scope, period: period)
          }
          let members = try await db.membershipCounts(scope: scope, period: period).members
          print(
            LatencySummary(
              label:
                "membership report \(period.nameVi) for \(scope ?? "every province") (\(members) members), \(runs) runs",
              times: times
            ).text)
        }
        guard chosen.contains("register") else { return }
        var size = 0
        let times = try await LatencySummary.time(runs: runs) {
          size = try await db.register(of: district, on: date).count
        }
        print(
          LatencySummary(
            label: "register of district \(district) on \(date.vietnamese) (\(size) members), \(runs) runs",
            times: times
          ).text)
      } catch { throw fail(error) }
    }
  }
}
