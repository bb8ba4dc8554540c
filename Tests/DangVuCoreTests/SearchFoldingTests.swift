import DangVuCore
import Testing

@Suite("Search folding")
struct SearchFoldingTests {
  @Test func foldsToneAndVowelMarks() {
    #expect(SearchFolding.fold("Nguyễn Văn Hưởng") == "nguyen van huong")
    #expect(SearchFolding.fold("Trần Thị Ánh Tuyết") == "tran thi anh tuyet")
  }

  @Test func foldsDStrokeWhichUnicodeDoesNotDecompose() {
    #expect(SearchFolding.fold("Đặng") == "dang")
    #expect(SearchFolding.fold("đảng viên") == "dang vien")
  }

  @Test func foldsDecomposedTextLikeComposedText() {
    let nfd = "Nguye\u{0302}\u{0303}n"  // "Nguyễn" typed as base letters and combining marks
    #expect(SearchFolding.fold(nfd) == "nguyen")
  }

  @Test func splitsIntoWords() {
    #expect(SearchFolding.words("  Lê-Thị, Hồng ") == ["le", "thi", "hong"])
  }
}
