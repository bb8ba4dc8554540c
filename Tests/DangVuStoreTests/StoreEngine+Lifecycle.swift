import DangVuCore
import Testing

/// Expects `write` to be refused with the domain error `code` (lifecycle and leadership tests, on every engine).
func expectRefusal(_ code: String, _ write: () async throws -> some Any) async {
  do {
    _ = try await write()
    Issue.record("expected the refusal \(code)")
  } catch let error as DomainError {
    #expect(error.code == code, "\(error.message)")
  } catch {
    Issue.record("unexpected \(error)")
  }
}
