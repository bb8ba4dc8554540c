import DangVuCore
import DangVuDemo
import Foundation
import Testing

@testable import DangVuStore

/// Random and mutated files of every import kind, read into a small province: an import may take a file
/// or refuse it, but it never stops the process, and a refused file leaves every table as it was.
///
/// `DANGVU_FUZZ_INPUTS` sets how many files (CI runs the default; docs/reliability.md gives the long runs),
/// `DANGVU_FUZZ_SEED` replays one run. A crash ends the process with the seed already printed.
@Suite struct ImportFuzzTests {
  /// Good files of each kind, the seeds the mutations start from.
  static let seeds: [(ImportFileKind, String)] = [
    (.organisations, ImportProvince.organisations),
    (.members, ImportProvince.twoMembers),
    (
      .events,
      "so_the,loai_su_kien,ngay,ma_chi_bo,ghi_chu\n10000001,chuyển sinh hoạt,01/01/2021,KG.01.002,\n"
        + "10000002,miễn sinh hoạt,01/06/2022,,\n"
    ),
    (.population, "ma_to_chuc,nam,dan_so\nKG,2023,\"1.723.067\"\nKG.01,2023,156000\n"),
    (.inspections, OversightImportTests.inspections),
    (.discipline, OversightImportTests.discipline),
    (
      .complaints,
      "loai;doi_tuong;ma_doi_tuong;ngay_nhan;ngay_giai_quyet;ket_luan;noi_dung\n"
        + "tố cáo;đảng viên;10000001;01/02/2023;01/03/2023;đúng một phần;Đơn tố cáo\n"
        + "khiếu nại;tổ chức;KG.01.001;05/02/2023;;;\n"
    ),
    (
      .appeals,
      "so_quyet_dinh,ngay_nhan,ngay_giai_quyet,ket_qua,hinh_thuc_moi\n12-QĐ/UBKT,20/03/2023,20/04/2023,thay đổi,khiển trách\n"
    ),
  ]

  /// Values that have broken readers before: dates at and past the recorded years, numbers past Int, text
  /// with the characters the rules refuse, separators and quotes where they do not belong.
  static let oddFields = [
    "", " ", "\"", "\"\"", "\"a\nb\"", ";", ",", "0", "-1", "99999999999999999999", "9223372036854775807", "1e309",
    "31/02/2023", "00/00/0000", "01/01/1799", "31/12/2200", "2199-12-31", "9999-99-99", "\u{0}", "\u{202E}x",
    "\u{FEFF}", String(repeating: "Đ", count: 5000), "KG", "KG.01.001.01", "10000001", "xóa tên", "khai trừ",
  ]

  /// The province with two members and one discipline decision, so appeals have something to appeal.
  static func province() async throws -> SQLiteStore {
    let store = try await ImportProvince.storeWithMembers()
    _ = try await ImportFileKind.discipline.importing(bytes(OversightImportTests.discipline), into: store)
    return store
  }

  /// Every table's row count: a refused import must leave each as it was.
  static func fingerprint(_ store: SQLiteStore) async throws -> [String: Int] {
    try await store.writer.read { db in
      var counts: [String: Int] = [:]
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      for table in tables {
        counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? -1
      }
      return counts
    }
  }

  /// One mutation of `file`, chosen and shaped by `random`.
  static func mutate(_ file: [UInt8], _ random: inout DemoRandom) -> [UInt8] {
    var bytes = file
    for _ in 0...random.below(3) {
      switch random.below(9) {
      case 0 where !bytes.isEmpty:  // flip one byte
        bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8))
      case 1:  // insert a random byte, often one that means something to CSV
        let special: [UInt8] = [0, 0x0A, 0x0D, 0x22, 0x2C, 0x3B, 0xEF, 0xBB, 0xBF, 0xC3, 0xFF]
        let byte = random.below(2) == 0 ? special[random.below(special.count)] : UInt8(random.below(256))
        bytes.insert(byte, at: random.below(bytes.count + 1))
      case 2 where !bytes.isEmpty:  // cut a stretch out
        let start = random.below(bytes.count)
        bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(40)))
      case 3:  // truncate
        bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
      case 4, 5:  // replace one field with an odd value
        bytes = replaceField(bytes, with: oddFields[random.below(oddFields.count)], &random)
      case 6:  // repeat or drop a line
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let i = random.below(lines.count)
        if random.below(2) == 0 { lines.insert(lines[i], at: i) } else if lines.count > 1 { lines.remove(at: i) }
        bytes = Array(lines.joined(separator: [0x0A]))
      case 7:  // another kind's line, or a header repeated in the body
        let other = Array(seeds[random.below(seeds.count)].1.utf8)
        let lines = other.split(separator: 0x0A).map(Array.init)
        bytes += lines[random.below(lines.count)] + [0x0A]
      default:  // pure noise
        bytes = (0..<random.below(200)).map { _ in UInt8(random.below(256)) }
      }
    }
    return bytes
  }

  static func replaceField(_ bytes: [UInt8], with value: String, _ random: inout DemoRandom) -> [UInt8] {
    let separators = bytes.indices.filter { bytes[$0] == 0x2C || bytes[$0] == 0x3B || bytes[$0] == 0x0A }
    guard separators.count > 1 else { return bytes + Array(value.utf8) }
    let k = random.below(separators.count - 1)
    return Array(bytes[...separators[k]]) + Array(value.utf8) + Array(bytes[separators[k + 1]...])
  }

  @Test func noFileStopsTheProcessAndARefusedFileChangesNothing() async throws {
    let environment = ProcessInfo.processInfo.environment
    let budget = environment["DANGVU_FUZZ_INPUTS"].flatMap(Int.init) ?? 1_000
    let seed = environment["DANGVU_FUZZ_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max >> 1)
    print("ImportFuzzTests: \(budget) files, seed \(seed) (DANGVU_FUZZ_SEED=\(seed) replays it)")
    var random = DemoRandom(seed: seed)
    var store = try await Self.province()
    var before = try await Self.fingerprint(store)
    var taken = 0
    var refused = 0
    var problems: [String] = []
    for n in 0..<budget {
      let (kind, seedFile) = Self.seeds[random.below(Self.seeds.count)]
      let file = Self.mutate(Array(seedFile.utf8), &random)
      do {
        _ = try await kind.importing(file, into: store)
        taken += 1
        // Start again from the province, so later files meet the state the seeds were written for.
        store = try await Self.province()
        before = try await Self.fingerprint(store)
      } catch is ImportError {
        refused += 1
        let after = try await Self.fingerprint(store)
        if after != before {
          problems.append("file \(n) (\(kind)) was refused but changed \(after.filter { before[$0.key] != $0.value })")
        }
      } catch let error as DomainError {
        refused += 1
        let after = try await Self.fingerprint(store)
        if after != before { problems.append("file \(n) (\(kind)) refused (\(error)) but changed the store") }
      } catch {
        problems.append("file \(n) (\(kind)) failed with \(type(of: error)): \(error)")
      }
    }
    print("ImportFuzzTests: \(taken) taken, \(refused) refused, \(problems.count) problems")
    #expect(taken + refused + problems.count == budget)
    #expect(refused > 0 && taken > 0, "the mutations should both keep and break files")
    #expect(problems.isEmpty, "seed \(seed):\n\(problems.prefix(20).joined(separator: "\n"))")
  }
}
