import DangVuCore

/// Warnings, never refusals, that a members file probably enters someone twice: a row whose folded name and
/// birth date match a member already in the register or an earlier row, or whose national ID differs by one
/// digit from one of the same birth date in the register or in the file (a typing slip). Exact repeats of a card
/// number or national ID are refused elsewhere; these are the near misses staff want to look at before they confirm.
///
/// One digit away alone is not enough: serial numbers issued in one place differ by one digit all the time, and
/// in the demo province's members workbook 2,482 of 68,863 IDs (3.6 %) have a neighbour one digit away, none of
/// them with the same birth date. The same person typed twice has the same birth date (decision 0022).
enum ProbableDuplicates {
  static func warnings(in document: CSVDocument, store: some PartyStore) async throws -> [ImportIssue] {
    guard let header = try? Header<MembersFile.Column>(document.header) else { return [] }
    typealias Column = MembersFile.Column
    var people: [(line: Int, person: NameAndBirth)] = []
    var numbers: [(line: Int, id: String, key: UInt64, birth: Day)] = []
    for record in document.records {
      guard let birth = Day(parsing: header.field(.birthDate, in: record)) else { continue }
      let name = header.field(.fullName, in: record)
      if !name.isEmpty {
        people.append((record.line, NameAndBirth(searchName: SearchFolding.fold(name), birth: birth)))
      }
      let id = header.field(.nationalID, in: record)
      if let key = NationalIDKey.key(id) { numbers.append((record.line, id, key, birth)) }
    }
    let registerIsEmpty = try await store.statistics().members == 0
    var warnings: [ImportIssue] = []
    let nameColumn = header.name(of: .fullName)
    let namesakes = registerIsEmpty ? [:] : try await store.namesakeCounts(Set(people.map(\.person)))
    var firstLine: [NameAndBirth: Int] = [:]
    for (line, person) in people {
      if let count = namesakes[person], count > 0 {
        warnings.append(
          ImportIssue(
            line: line, column: nameColumn,
            "có thể trùng người: cơ sở dữ liệu đã có \(VietnameseNumber.count(count)) đảng viên cùng họ tên và "
              + "ngày sinh \(person.birth.vietnamese). Hãy tra cứu trước khi xác nhận."))
      }
      if let first = firstLine[person] {
        warnings.append(
          ImportIssue(
            line: line, column: nameColumn, "có thể trùng người với dòng \(first) (cùng họ tên và ngày sinh)."))
      } else {
        firstLine[person] = line
      }
    }
    guard !numbers.isEmpty else { return warnings }
    let idColumn = header.name(of: .nationalID)
    var register: [UInt64: Day] = [:]
    if !registerIsEmpty {
      for (id, birth) in try await store.nationalIDsWithBirthDates() {
        if let key = NationalIDKey.key(id) { register[key] = birth }
      }
    }
    var inFile: [UInt64: (line: Int, birth: Day)] = [:]
    for (line, _, key, birth) in numbers where inFile[key] == nil { inFile[key] = (line, birth) }
    for (line, id, key, birth) in numbers {
      let near = NationalIDKey.oneDigitAway(key)
      if near.contains(where: { register[$0] == birth }) {
        warnings.append(
          ImportIssue(
            line: line, column: idColumn,
            "số căn cước \(id) chỉ khác một chữ số so với số của một đảng viên cùng ngày sinh đã có trong cơ sở dữ "
              + "liệu: có thể gõ nhầm."))
      }
      if let other = near.compactMap({ inFile[$0] }).filter({ $0.birth == birth }).map(\.line).min() {
        warnings.append(
          ImportIssue(
            line: line, column: idColumn,
            "số căn cước \(id) chỉ khác một chữ số so với số ở dòng \(other) (cùng ngày sinh)."))
      }
    }
    return warnings
  }
}

/// A folded full name and a birth date: who a person probably is, before any number is compared.
public struct NameAndBirth: Hashable, Sendable {
  public var searchName: String
  public var birth: Day

  public init(searchName: String, birth: Day) {
    self.searchName = searchName
    self.birth = birth
  }
}

/// A national ID (9 or 12 digits) as a number with its length in the top byte, so the IDs one digit away are
/// arithmetic and the register's millions fit in a set of integers.
enum NationalIDKey {
  static func key(_ text: String) -> UInt64? {
    let digits = text.utf8
    guard (1...18).contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    let value = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 48) }
    return UInt64(digits.count) << 56 | value
  }

  /// Every key with one digit changed, same length.
  static func oneDigitAway(_ key: UInt64) -> [UInt64] {
    let length = Int(key >> 56)
    let value = key & ((1 << 56) - 1)
    var near: [UInt64] = []
    near.reserveCapacity(length * 9)
    var place: UInt64 = 1
    for _ in 0..<length {
      let digit = (value / place) % 10
      for other in UInt64(0)...9 where other != digit {
        near.append(UInt64(length) << 56 | (value - digit * place + other * place))
      }
      place *= 10
    }
    return near
  }
}
