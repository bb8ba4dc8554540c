import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Testing

@testable import DangVuWeb

/// Names come from imported spreadsheets; whatever they contain must show as text, never run.
@Suite struct EscapingTests {
  static let hostileUnit = #"<script>alert("đv")</script> Chi bộ"#
  static let hostileMember = #"<img src=x onerror="alert(1)"> Nguyễn"#

  func hostileProvince() async throws -> SQLiteStore {
    let cell = NewOrganisation(
      code: "KG.01.001.03", name: Self.hostileUnit, kind: .subordinateCell, parentCode: "KG.01.001",
      founded: day("2001-01-01"))
    return try await WebProvince.store(extraUnits: [cell], extraMembers: [(Self.hostileMember, "KG.01.001.03")]).store
  }

  @Test func aUnitNamedWithMarkupShowsAsText() async throws {
    let store = try await hostileProvince()
    for uri in ["/to-chuc/KG.01.001", "/to-chuc/KG.01.001.03", "/tim-kiem?q=nguyen"] {
      let (status, body) = try await get(uri, from: store)
      #expect(status == .ok)
      #expect(!body.contains("<script"), "\(uri)")
      #expect(body.contains("&lt;script&gt;alert(&quot;đv&quot;)&lt;/script&gt; Chi bộ"), "\(uri)")
    }
  }

  @Test func aMemberNamedWithMarkupShowsAsText() async throws {
    let store = try await hostileProvince()
    for uri in ["/to-chuc/KG.01.001.03", "/tim-kiem?q=nguyen"] {
      let (_, body) = try await get(uri, from: store)
      #expect(!body.contains("<img"), "\(uri)")
      #expect(body.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Nguyễn"), "\(uri)")
    }
  }

  @Test func aQueryWithMarkupIsEchoedAsText() async throws {
    let (store, _) = try await WebProvince.store()
    // The query is `"><script>x</script>`, as a browser encodes it.
    let (_, body) = try await get("/tim-kiem?q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E", from: store)
    #expect(!body.contains("<script"))
    #expect(body.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""))
  }

  @Test func anUnknownCodeWithMarkupIsEchoedAsText() async throws {
    let (store, _) = try await WebProvince.store()
    let (status, body) = try await get("/to-chuc/%3Cb%3Ex", from: store)  // <b>x
    #expect(status == .notFound)
    #expect(!body.contains("<b>x"))
    #expect(body.contains("mang mã “&lt;b&gt;x”"))
  }

  @Test func theEscapingFunctionCoversEveryCharacterThatEndsTextOrAnAttribute() {
    #expect(HTML.escape(#"a&b<c>d"e'f"#) == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
    let name = "<b>"
    let fragment: HTML = "<p title=\"\(name)\">\(name)</p>"
    #expect(fragment.markup == "<p title=\"&lt;b&gt;\">&lt;b&gt;</p>")
  }

  @Test func escapingKeepsVietnameseTextAndEscapesMarkupAnywhereInIt() {
    #expect(HTML.escape("Nguyễn Thị Ánh Tuyết") == "Nguyễn Thị Ánh Tuyết")
    #expect(HTML.escape("Đặng <i>Văn</i> & “Ấ”'") == "Đặng &lt;i&gt;Văn&lt;/i&gt; &amp; “Ấ”&#39;")
    #expect(HTML.escape("Lê Văn Tám>") == "Lê Văn Tám&gt;")
    #expect(HTML.escape("") == "")
    let note: Substring = "trước\"sau".dropFirst(2)
    let fragment: HTML = "<td>\(note)</td><td>\(42)</td>"
    #expect(fragment.markup == "<td>ước&quot;sau</td><td>42</td>")
  }

  @Test func pagesForbidScriptsAndOutsideResources() async throws {
    let page = Layout.page(title: "x", body: "")
    #expect(!page.markup.contains("<script"))
    #expect(!page.markup.contains("http://") && !page.markup.contains("https://"))
  }
}
