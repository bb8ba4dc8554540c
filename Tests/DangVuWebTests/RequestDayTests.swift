import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Testing

@testable import DangVuWeb

/// The day a request is answered on is read once, from the application's clock, and passed to everything the
/// request does (issue 23 part 7): pages opened without a date show that day, and links on it carry no date.
@Suite struct RequestDayTests {
  /// 1 June 2023, 10:00 in Vietnam.
  static let june2023 = Date(timeIntervalSince1970: 1_685_588_400)

  @Test func theClockReadingIsTheDayInVietnam() {
    #expect(Day.inVietnam(secondsSince1970: Self.june2023.timeIntervalSince1970) == day("2023-06-01"))
    // Midnight in Vietnam is 17:00 UTC the day before.
    #expect(Day.inVietnam(secondsSince1970: 1_685_552_400) == day("2023-06-01"))
    #expect(Day.inVietnam(secondsSince1970: 1_685_552_400 - 1) == day("2023-05-31"))
  }

  @Test func pagesWithoutADateShowTheApplicationsDay() async throws {
    let (store, _) = try await WebProvince.store()
    let session = try await signIn(store)
    let options = WebOptions(clock: { Self.june2023 })
    // Hà Tiên (KG.03) was founded on 1/1/2024: on the application's 1/6/2023 it does not exist yet.
    let then = try await send(.get, "/to-chuc/KG.03", to: store, headers: session.headers, options: options)
    #expect(then.status == .ok)
    #expect(then.body.contains("Tổ chức này không tồn tại vào ngày 01/06/2023"))
    #expect(then.body.contains("value=\"2023-06-01\""))
    // On the real today it exists, and the same address says nothing of the kind.
    let now = try await send(.get, "/to-chuc/KG.03", to: store, headers: session.headers)
    #expect(!now.body.contains("không tồn tại vào ngày"))
    // The tree on the application's day links its units without a date; another day's links keep it.
    let tree = try await send(.get, "/", to: store, headers: session.headers, options: options)
    #expect(tree.body.contains("href=\"/to-chuc/KG.01\""))
    let past = try await send(.get, "/?ngay=2022-01-01", to: store, headers: session.headers, options: options)
    #expect(past.body.contains("href=\"/to-chuc/KG.01?ngay=2022-01-01\""))
  }
}
