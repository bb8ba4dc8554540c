import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DangVuWeb

/// The posts and collectives files through the upload API: organisation staff import them into their subtree, checked
/// and confirmed by hash like every file; a secretary may not; a row outside the subtree refuses the file.
@Suite struct LeadershipImportTests {
  static let posts = """
    so_the,ma_to_chuc,chuc_vu,ngay_bat_dau
    1001,KG.01.001.01,Bí thư,01/10/2020
    1002,KG.01.001.01,Phó Bí thư,01/10/2020
    """

  static let collectives = """
    ma_to_chuc,ten_tap_the,loai_tap_the,ngay_bat_dau,so_the
    KG.01.001.01,Chi ủy Phước Hòa,Ban Chấp hành,01/10/2020,1001
    KG.01.001.01,Chi ủy Phước Hòa,Ban Chấp hành,01/10/2020,1002
    """

  @Test func organisationStaffImportPostsAndCollectivesCheckedThenConfirmed() async throws {
    let world = try await LifecycleWorld.make()
    let staff = try await signIn(world.store, role: .organisationStaff, scope: "KG.01")
    let app = buildApplication(store: world.store)
    try await app.test(.router) { client in
      for (kind, file) in [("posts", Self.posts), ("collectives", Self.collectives)] {
        let bytes = Array(file.utf8)
        let checked = try await client.api("/api/imports/\(kind)/check?name=\(kind).csv", bytes, as: staff)
        #expect(checked.status == .ok, "\(kind): \(checked.body)")
        let sha = AuditChain.sha256Hex(bytes)
        let written = try await client.api("/api/imports/\(kind)?sha256=\(sha)&name=\(kind).csv", bytes, as: staff)
        #expect(written.status == .created, "\(kind): \(written.body)")
      }
    }
    #expect(
      try await world.store.posts(ofUnit: "KG.01.001.01").map(\.post.kindCode) == ["secretary", "deputySecretary"])
    #expect(try await world.store.collectives(ofUnit: "KG.01.001.01").first?.seats.count == 2)
    #expect(try await world.store.auditEntries(AuditFilter(action: "import.file")).count == 2)
  }

  @Test func aSecretaryMayNotAndAnotherDistrictsRowsRefuseTheFile() async throws {
    let world = try await LifecycleWorld.make()
    let secretary = try await signIn(world.store, role: .secretary, scope: "KG.01.001.01")
    let other = try await signIn(world.store, role: .organisationStaff, scope: "KG.03")
    let app = buildApplication(store: world.store)
    try await app.test(.router) { client in
      let forbidden = try await client.api("/api/imports/posts/check", Array(Self.posts.utf8), as: secretary)
      #expect(forbidden.status == .forbidden)
      let outside = try await client.api("/api/imports/posts/check", Array(Self.posts.utf8), as: other)
      #expect(outside.status == .unprocessableContent)
      #expect(outside.body.contains("không có trong phạm vi của tài khoản (KG.03)"))
      #expect(!outside.body.contains("Nguyễn Văn An"))
    }
    #expect(try await world.store.posts(ofUnit: "KG.01.001.01").isEmpty)
  }
}
