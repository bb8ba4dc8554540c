import DangVuCore
import DangVuStore

extension Access {
  /// A post is changed only by someone whose subtree holds its unit (on the post's first day, as the tree stood
  /// then): a cell's staff see their member's post in the committee above, as part of the member's record, but
  /// the committee's staff keep it.
  func requirePostUnit(_ post: PostRecord) async throws {
    guard try await store.unitIsWithin(id: post.post.unitID, rootCode: scopeCode, on: post.post.from) else {
      throw AccessError.notFound
    }
  }

}
