import DangVuCore
import Foundation

/// What two stores said to hold the same records must answer alike: `dangvu migrate`'s last check (issue 23 part 5).
public typealias ComparedReports = TreeStore & MembershipStore & EvaluationStore & OversightStore

/// Every unit's membership, evaluation and oversight report for every year asked, on two stores, compared as the
/// JSON the API serves (keys sorted): a figure that differs anywhere shows with its report, unit and year. A report
/// one store refuses (a unit not yet founded that year, a year without a cycle) must be refused by the other with the
/// same code.
public enum ReportEquality {
  public struct Difference: Sendable, Hashable, CustomStringConvertible {
    public var report: String
    public var unitCode: String
    public var year: Int
    public var description: String { "\(report) \(unitCode) \(year)" }
  }

  public struct Outcome: Sendable {
    public var compared: Int
    public var differences: [Difference]
  }

  public static func compare(
    _ first: any ComparedReports, _ second: any ComparedReports, years: ClosedRange<Int>,
    progress: @Sendable (WorkProgress) -> Void = { _ in }
  ) async throws -> Outcome {
    let codes = try await first.allOrganisations().units.map(\.code).sorted()
    let total = codes.count * years.count * 3
    var compared = 0
    var differences: [Difference] = []
    for code in codes {
      for year in years {
        let period = try ReportPeriod.year(year)
        let pairs: [(String, @Sendable (any ComparedReports) async throws -> Data)] = [
          ("membership", { try await answer($0.membershipReport(scope: code, period: period)) }),
          ("evaluation", { try await answer($0.evaluationReport(year: year, scope: code)) }),
          ("oversight", { try await answer($0.oversightReport(period: period, scope: code)) }),
        ]
        for (report, ask) in pairs {
          if try await outcome(ask, first) != (try await outcome(ask, second)) {
            differences.append(Difference(report: report, unitCode: code, year: year))
          }
          compared += 1
        }
        progress(WorkProgress(phase: "so sánh báo cáo", done: compared, total: total))
      }
    }
    return Outcome(compared: compared, differences: differences)
  }

  private static func answer(_ report: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(report)
  }

  /// The report's JSON, or the code of the refusal.
  private static func outcome(
    _ ask: @Sendable (any ComparedReports) async throws -> Data, _ store: any ComparedReports
  ) async throws -> Data {
    do {
      return try await ask(store)
    } catch let refusal as DomainError {
      return Data("refused: \(refusal.code)".utf8)
    }
  }
}
