import Testing

@testable import DangVuWeb

/// Addresses carry codes and typed text; whatever is in them, a link must stay one link to this site.
@Suite struct LinksTests {
  @Test func plainCodesAreUsedAsTheyAre() {
    #expect(Links.unit("KG.01.002-a_b~") == "/to-chuc/KG.01.002-a_b~")
    #expect(Links.member(42) == "/dang-vien/42")
  }

  @Test func anythingElseIsPercentEncoded() {
    #expect(Links.unit("A/B?c#d") == "/to-chuc/A%2FB%3Fc%23d")
    #expect(Links.search("Đặng & co") == "/tim-kiem?q=%C4%90%E1%BA%B7ng%20%26%20co")
    #expect(Links.search("a+b=c", within: "KG 01") == "/tim-kiem?q=a%2Bb%3Dc&trong=KG%2001")
  }

  /// Where sign-in may send a person back to: only a path of this site, as a browser will read it.
  @Test(arguments: [
    "//evil.example/", "/\\evil.example/", "https://evil.example/", "/\t/evil.example/", "/\n/evil.example",
    "/\r//evil.example", " //evil.example", "/\u{0}/evil.example", "/ /evil.example",
  ])
  func aPathThatLeavesTheSiteIsNotLocal(path: String) {
    #expect(!Links.isLocalPath(path))
    #expect(Links.signIn(next: path) == "/dang-nhap")
  }

  @Test func pathsOfThisSiteAreLocal() {
    #expect(Links.isLocalPath("/to-chuc/KG.01"))
    #expect(Links.isLocalPath("/tim-kiem?q=Nguy%E1%BB%85n+van&trong=KG"))
  }
}
