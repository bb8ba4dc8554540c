import ArgumentParser
import DangVuCore
import DangVuStore
import Foundation

/// `dangvu audit verify|list|key|anchor`: check the audit trail's hash chain, read the trail, and anchor its head.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: "Check and read the audit trail (who changed what, when, before and after).",
    subcommands: [Verify.self, List.self, Key.self, Anchor.self])

  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Recompute every hash of the audit trail; exits non-zero at the first entry that does not fit.",
      discussion: """
        Also holds the trail against the head recorded with every append, so deleted newest entries show.
        `--anchor FILE` (made by `audit anchor`, signature checked with --key) or `--anchor NUMBER:HASH`
        (written down earlier) also shows a trail cut short or rewritten with its hashes recomputed.
        """)
    @OptionGroup var store: StoreOptions
    @Option(help: "An anchor file made by `audit anchor`, or an entry's number and hash as NUMBER:HASH.")
    var anchor: String?
    @OptionGroup var signing: AuditKeyOption

    func run() async throws {
      let verification: AuditVerification
      let db: any PartyStore
      do {
        db = try await store.open()
        verification = try await db.verifyAuditChain()
      } catch { throw fail(error) }
      if let broken = verification.broken {
        FileHandleOutput.standardError.write(
          "Chuỗi băm nhật ký bị phá vỡ tại mục #\(broken.sequence): \(broken.messageVi)\n"
            + "\(VietnameseNumber.count(verification.entriesChecked)) mục đầu tiên vẫn khớp.\n")
        throw ExitCode.failure
      }
      // An anchor file is checked even on an empty trail: emptying the trail is the simplest truncation.
      if let anchor, FileManager.default.fileExists(atPath: anchor) {
        try await check(anchorFile: anchor, trail: verification, in: db)
      }
      guard let last = verification.lastSequence else {
        print("Nhật ký trống: chưa có mục nào để kiểm tra.")
        if let anchor, !FileManager.default.fileExists(atPath: anchor) {
          throw fail(DomainError("audit.anchorMissing", "Nhật ký trống nhưng đã có mốc được ghi lại."))
        }
        return
      }
      print(
        "Đã kiểm tra \(VietnameseNumber.count(verification.entriesChecked)) mục: chuỗi băm toàn vẹn (OK).")
      print("Mục cuối: #\(last), mã băm \(verification.lastHash)")
      if let anchor, !FileManager.default.fileExists(atPath: anchor) { try await check(anchor: anchor, in: db) }
    }

    /// A signed anchor: the signature first (a forged or edited file proves nothing), then the trail.
    private func check(anchorFile path: String, trail: AuditVerification, in db: any PartyStore) async throws {
      let anchor: AuditAnchor
      do {
        anchor = try AuditAnchor.read(from: path)
        guard try signing.load().isValid(anchor) else {
          throw DomainError(
            "auditAnchor.badSignature",
            "Chữ ký của mốc \(path) không hợp lệ với khóa \(signing.path): tệp mốc đã bị sửa, hoặc được ký bằng "
              + "khóa khác. Hãy dùng bản mốc đã cất giữ và đúng khóa (--key).")
        }
      } catch { throw fail(error) }
      let entries = trail.lastSequence ?? 0
      let hash = anchor.entries > 0 ? try await db.auditHash(at: anchor.entries) : nil
      let finding = anchor.check(trailEntries: entries, hashAtAnchor: hash)
      guard finding == .matches else {
        FileHandleOutput.standardError.write(finding.messageVi(anchoredAt: anchor.time) + "\n")
        throw ExitCode.failure
      }
      print("Mốc \(path) (\(anchor.entries) mục, ký ngày \(anchor.time.vietnamese)) khớp nhật ký.")
    }

    /// The entry written down must still carry the same hash: a rewritten trail would verify on its own.
    private func check(anchor: String, in db: any PartyStore) async throws {
      let parts = anchor.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, let number = Int64(parts[0].drop(while: { $0 == "#" })) else {
        throw fail(
          DomainError(
            "audit.badAnchor",
            "Mốc “\(anchor)” không phải một tệp mốc có thật, cũng không có dạng SỐ:MÃBĂM: hãy kiểm tra đường dẫn "
              + "tệp mốc (tạo bằng `dangvu audit anchor --out TỆP`)."))
      }
      let found = try await db.auditEntries(AuditFilter(before: number + 1, limit: 1)).first
      guard let found, found.sequence == number else {
        FileHandleOutput.standardError.write("Không còn mục #\(number) đã ghi làm mốc: nhật ký đã bị cắt bớt.\n")
        throw ExitCode.failure
      }
      guard found.hash == parts[1].lowercased() else {
        FileHandleOutput.standardError.write(
          "Mục #\(number) không còn mang mã băm đã ghi làm mốc: nhật ký đã bị viết lại từ mục này trở về trước.\n")
        throw ExitCode.failure
      }
      print("Mốc #\(number) khớp.")
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List audit entries, newest first.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this actor (their login).") var actor: String?
    @Option(help: "Only this action (member.update) or family of actions (member).") var action: String?
    @Option(help: "Only this record, e.g. member:123 or organisation:KG.01.") var subject: String?
    @Option(help: "Only entries about this unit and the units below it (its code).") var org: String?
    @Option(help: "From this day (dd/mm/yyyy or yyyy-mm-dd, Vietnam time).") var from: Day?
    @Option(help: "Up to and including this day.") var to: Day?
    @Option(help: "Only entries older than this number (the next page).") var before: Int64?
    @Option(help: "At most this many entries (up to 500).") var limit: Int = AuditFilter.defaultLimit
    @Flag(help: "Also print each record before and after, as JSON.") var details = false

    func run() async throws {
      do {
        let filter = AuditFilter(
          actor: actor, action: action, subject: subject, from: from, to: to, within: org, before: before,
          limit: limit)
        let entries = try await store.open().auditEntries(filter)
        guard !entries.isEmpty else {
          print("Không có mục nhật ký nào khớp điều kiện lọc.")
          return
        }
        for e in entries {
          let role = e.actorRoleVi
          print(
            "#\(e.sequence)\t\(e.time.vietnamese)\t\(e.actorLogin) (\(role))\t\(AuditAction.nameVi(of: e.action))"
              + "\t\(e.subject)\t[\(e.scopeCode)]")
          if details {
            print("  trước: \(e.before ?? "(không có)")")
            print("  sau:   \(e.after ?? "(không có)")")
          }
        }
        let shown = entries.count == filter.boundedLimit ? " Xem tiếp: --before \(entries.last!.sequence)" : ""
        print("\(entries.count) mục, mới nhất trước.\(shown)")
      } catch { throw fail(error) }
    }
  }
}
