import Testing

@testable import DangVuStore

/// Sessions and API tokens are stored as the hex of their SHA-256: a change to how the hex is written
/// would sign every user out and void every integration's token, so it is pinned to published vectors.
@Suite struct TokenTests {
  @Test func hashIsTheLowercaseHexOfSHA256() {
    #expect(Token.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(Token.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func randomTokensAreURLSafeAndDistinct() {
    let tokens = (0..<50).map { _ in Token.random() }
    #expect(Set(tokens).count == tokens.count)
    for token in tokens {
      #expect(token.count == 43)
      #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
  }
}
