import ArgumentParser
import DangVuCore
import DangVuStore

extension AuditCommand {
  /// `dangvu audit key --out FILE`: the Ed25519 key that signs anchors, made once.
  struct Key: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make the key that signs audit anchors (FILE, owner-only, and its public half FILE.pub).",
      discussion: """
        Keep FILE where the server's account cannot read it (e.g. /etc/dangvu/audit-anchor.key, owned by
        root, mode 600) and run `audit anchor` as that owner. Hand FILE.pub to whoever checks anchors.
        """)
    @Option(help: "Where to write the private key; FILE.pub receives the public key.") var out: String

    func run() async throws {
      do {
        let key = try AuditAnchorKey.create(at: out)
        print("Đã tạo khóa ký mốc nhật ký: \(out) (bí mật, chỉ chủ tệp đọc được) và \(out).pub (công khai).")
        print("Khóa công khai: \(key.publicKeyHex)")
      } catch { throw fail(error) }
    }
  }

  /// `dangvu audit anchor --out FILE`: the verified head, signed, for the administrator to keep elsewhere.
  struct Anchor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Verify the trail, then write its head (entries, last hash, time) signed, to keep elsewhere.",
      discussion: """
        Copy FILE off the server (the backup log, the inspection commission). Later,
        `dangvu audit verify --anchor FILE` fails if the trail lost entries or was rewritten since.
        """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var signing: AuditKeyOption
    @Option(help: "The anchor file to write (never overwritten).") var out: String

    func run() async throws {
      do {
        let key = try signing.load()
        let verification = try await store.open().verifyAuditChain()
        if let broken = verification.broken {
          throw DomainError(
            "auditAnchor.brokenChain",
            "Chuỗi băm nhật ký bị phá vỡ tại mục #\(broken.sequence): \(broken.messageVi) Không ký mốc cho "
              + "một nhật ký đã bị can thiệp.")
        }
        let head = AuditHead(sequence: verification.lastSequence ?? 0, hash: verification.lastHash)
        let anchor = try key.sign(head, at: .now)
        try anchor.write(to: out)
        print("Đã ghi mốc nhật ký vào \(out): \(head.sequence) mục, mục cuối mã băm \(head.hash).")
        print("Hãy chép tệp này ra ngoài máy chủ; kiểm tra sau bằng `dangvu audit verify --anchor \(out)`.")
      } catch { throw fail(error) }
    }
  }
}
