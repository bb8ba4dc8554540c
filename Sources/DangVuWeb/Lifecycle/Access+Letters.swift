import DangVuCore
import DangVuStore

extension Access {
  /// A transfer letter the principal may see: addressed to a cell of the subtree, or sent from one. Any other
  /// answers 404 exactly as a letter that does not exist.
  func letter(id: Int64, in store: any LifecycleRecording) async throws -> TransferLetter {
    guard let letter = try await store.transferLetter(id: id) else { throw AccessError.notFound }
    if try await within(letter.toCell.id) { return letter }
    guard try await within(letter.fromCell.id) else { throw AccessError.notFound }
    return letter
  }

  /// A letter the principal's subtree receives: addressed to one of its cells.
  func incomingLetter(id: Int64, in store: any LifecycleRecording) async throws -> TransferLetter {
    guard let letter = try await store.transferLetter(id: id), try await within(letter.toCell.id) else {
      throw AccessError.notFound
    }
    return letter
  }

  private func within(_ unitID: Int64) async throws -> Bool {
    try await store.unitIsWithin(id: unitID, rootCode: scopeCode, on: today)
  }
}
