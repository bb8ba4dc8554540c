import DangVuCore
import Foundation
import Testing

@testable import DangVuStore

/// Warnings of the same person entered twice: never refusals, and not every serial number one digit away.
@Suite("Import: probable duplicates")
struct ProbableDuplicatesTests {
  @Test func idsOneDigitAwayAreArithmeticOnTheKey() throws {
    let key = try #require(NationalIDKey.key("091075000001"))
    let near = NationalIDKey.oneDigitAway(key)
    #expect(near.count == 12 * 9)
    #expect(near.contains(try #require(NationalIDKey.key("091075000007"))))
    #expect(near.contains(try #require(NationalIDKey.key("191075000001"))))
    #expect(!near.contains(try #require(NationalIDKey.key("91075000001"))), "a shorter number is another length")
    #expect(NationalIDKey.key("09107500000A") == nil)
  }

  @Test func aRowLikeAMemberOfTheRegisterIsWarnedOfAndStillWritten() async throws {
    // The register holds Nguyễn Văn An (15/03/1975, 091075000001) and Đặng Thị Lan (02/07/1980).
    let store = try await ImportProvince.storeWithMembers()
    let file = """
      \(ImportProvince.membersHeader)
      10000003,NGUYEN VAN AN,Nam,15/03/1975,Kinh,Không,,Châu Thành,Đại học,Trung cấp,Giáo viên,KG.01.001.01,19/05/2000,19/05/2001,
      10000004,Trần Văn Út,Nam,15/03/1975,Kinh,Không,091075000081,Châu Thành,Đại học,,Nông dân,KG.01.001.01,19/05/2000,,
      10000005,Lê Văn Sáu,Nam,16/03/1975,Kinh,Không,091075000004,Châu Thành,Đại học,,Nông dân,KG.01.001.01,19/05/2000,,

      """
    let outcome = try await ImportFileKind.members.run(file: bytes(file), .writing, into: store)
    #expect(outcome.isAccepted && outcome.written && outcome.rows == 3)
    let messages = outcome.warnings.map(\.description)
    #expect(messages.count == 2, "\(messages)")
    #expect(messages.contains { $0.hasPrefix("dòng 2, cột ho_ten: có thể trùng người") })
    #expect(messages.contains { $0.hasPrefix("dòng 3, cột so_cccd: số căn cước 091075000081 chỉ khác một chữ số") })
  }
}
