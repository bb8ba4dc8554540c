import DangVuCore
import DangVuStore
import DangVuTestFixtures
import Hummingbird
import Testing

@testable import DangVuWeb

@Suite struct MemberPagesTests {
  // MARK: A member's page

  @Test func aMembersPageShowsIdentityCellStandingAndTheDatedHistory() async throws {
    let world = try await RegisterWorld.make()
    let page = try await sendAs(.get, "/dang-vien/\(world.an)", as: As.staff(), store: world.store)
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>Nguyễn Văn An</h1>"))
    #expect(page.body.contains("<dt>Chi bộ</dt><dd><a href=\"/to-chuc/KG.01.001.01\">Chi bộ ấp Phước Hòa</a></dd>"))
    #expect(page.body.contains("<dt>Đảng viên</dt><dd>chính thức</dd>"))
    #expect(
      page.body.contains(
        "<li><time datetime=\"2010-05-19\">19/05/2010</time> Kết nạp — <a href=\"/to-chuc/KG.01.001.01\">Chi bộ ấp Phước Hòa</a></li>"
      ))
    #expect(page.body.contains("<time datetime=\"2011-05-19\">19/05/2011</time> Công nhận chính thức</li>"))
    #expect(page.body.contains("<a href=\"/dang-vien/\(world.an)/sua\">Sửa lý lịch</a>"), "staff may edit")
  }

  @Test func aMemberWhoLeftShowsWhenAndWhyAndTheSpansOfTheirHistory() async throws {
    let world = try await RegisterWorld.make()
    let hoa = world.members["Lê Thị Hoa"]!
    let page = try await sendAs(.get, "/dang-vien/\(hoa)", as: As.staff(), store: world.store)
    #expect(page.status == .ok)
    #expect(page.body.contains("Đã ra khỏi danh sách đảng viên ngày 01/03/2024 (xóa tên)."))
    #expect(page.body.contains("<time datetime=\"2024-03-01\">01/03/2024</time> Xóa tên</li>"))
    #expect(page.body.contains("<h2>Các giai đoạn sinh hoạt</h2>"))
    #expect(page.body.contains("<td>03/02/2011</td><td>03/02/2012</td>"), "the probationary span")
  }

  @Test func theAdmissionShowsItsDecisionAndSponsors() async throws {
    let world = try await RegisterWorld.make()
    let cell = world.units["KG.01.001.01"]!
    let added = try await world.store.addMembers([
      NewMember(
        member: SmallProvince.member("Phan Văn Giang", card: "3001", born: "1995-01-01"),
        events: [SmallProvince.admitted(cell, on: "2022-03-03")],
        admission: AdmissionDecision(decisionNumber: "77-QĐ/ĐU", sponsorIDs: [world.an, world.bich]))
    ])
    let page = try await sendAs(.get, "/dang-vien/\(added[0].id)", as: As.staff(), store: world.store)
    #expect(page.body.contains("<dt>Quyết định</dt><dd>77-QĐ/ĐU</dd>"))
    #expect(page.body.contains("<li><a href=\"/dang-vien/\(world.an)\">Nguyễn Văn An</a></li>"))
    #expect(page.body.contains("<li><a href=\"/dang-vien/\(world.bich)\">Đặng Thị Bích</a></li>"))
    #expect(page.body.contains("<dt>Đảng viên</dt><dd>dự bị</dd>") || page.body.contains("hết thời gian dự bị"))
  }

  @Test func theNationalIDIsMaskedForALeaderAndShownToOrganisationStaff() async throws {
    let world = try await RegisterWorld.make()
    let staff = try await sendAs(.get, "/dang-vien/\(world.an)", as: As.staff(), store: world.store)
    #expect(staff.body.contains("<dt>Số căn cước</dt><dd>079085001234</dd>"))
    let leader = try await sendAs(.get, "/dang-vien/\(world.an)", as: As.leader(), store: world.store)
    #expect(leader.status == .ok)
    #expect(leader.body.contains("<dt>Số căn cước</dt><dd>•••••••••234</dd>"))
    #expect(!leader.body.contains("079085001234"))
    #expect(!leader.body.contains("/sua"), "a leader reads only: no edit link")
  }

  @Test func aNameWithMarkupIsShownAsText() async throws {
    let world = try await RegisterWorld.make()
    let cell = world.units["KG.01.001.01"]!
    let added = try await world.store.addMembers([
      NewMember(
        member: SmallProvince.member("<script>alert(1)</script> Tư", card: "3002"),
        events: [SmallProvince.admitted(cell, on: "2012-01-01")])
    ])
    let page = try await sendAs(.get, "/dang-vien/\(added[0].id)", as: As.staff(), store: world.store)
    #expect(page.body.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; Tư</h1>"))
    #expect(!page.body.contains("<script>"))
    let form = try await sendAs(.get, "/dang-vien/\(added[0].id)/sua", as: As.staff(), store: world.store)
    #expect(form.body.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt; Tư\""))
    #expect(!form.body.contains("<script>"))
  }

  @Test func theMemberRoleSeesOnlyItsOwnPage() async throws {
    let world = try await RegisterWorld.make()
    let own = try await sendAs(.get, "/dang-vien/\(world.an)", as: As.member(world.an), store: world.store)
    #expect(own.status == .ok)
    #expect(own.body.contains("<dd>079085001234</dd>"), "a member reads their own number")
    #expect(!own.body.contains("/sua"))
    let other = try await sendAs(.get, "/dang-vien/\(world.bich)", as: As.member(world.an), store: world.store)
    #expect(other.status == .notFound)
    let edit = try await sendAs(.get, "/dang-vien/\(world.an)/sua", as: As.member(world.an), store: world.store)
    #expect(edit.status == .forbidden)
  }

  @Test func guessedIdsOutsideTheSubtreeAreNotFoundOnEveryMemberRoute() async throws {
    let world = try await RegisterWorld.make()
    // Hà Tiên's staff: Cường's cell is theirs, An's is not.
    let haTien = As.staff("KG.03")
    #expect(try await sendAs(.get, "/dang-vien/\(world.cuong)", as: haTien, store: world.store).status == .ok)
    let missing = try await sendAs(.get, "/dang-vien/999999", as: haTien, store: world.store)
    #expect(missing.status == .notFound)
    for id in [String(world.an), "999999", "abc"] {
      let page = try await sendAs(.get, "/dang-vien/\(id)", as: haTien, store: world.store)
      #expect(page.status == .notFound, "\(id)")
      #expect(page.body == missing.body, "outside looks exactly like missing")
      #expect(try await sendAs(.get, "/dang-vien/\(id)/sua", as: haTien, store: world.store).status == .notFound)
      let post = try await sendAs(
        .post, "/dang-vien/\(id)", as: haTien, store: world.store,
        form: [("version", "1"), ("fullName", "Đổi tên"), ("csrf", "csrf-of-the-session")])
      #expect(post.status == .notFound, "\(id)")
    }
    let an = try #require(try await world.store.member(id: world.an))
    #expect(an.fullName == "Nguyễn Văn An", "nothing written through a guessed id")
    // A cell outside the subtree cannot be chosen for a new member either.
    #expect(
      try await sendAs(.get, "/dang-vien/moi?to-chuc=KG.01.001.01", as: haTien, store: world.store).status == .notFound)
  }

  @Test func nobodySignedInIsSentToSignIn() async throws {
    let world = try await RegisterWorld.make()
    let page = try await sendAs(.get, "/dang-vien/\(world.an)", as: nil, store: world.store)
    #expect(page.status == .found)
    #expect(page.location == "/dang-nhap?tiep=%2Fdang-vien%2F\(world.an)")
  }

  @Test func aSecretaryMayNotAddOrEditMembers() async throws {
    let world = try await RegisterWorld.make()
    let secretary = As.secretary()
    #expect(try await sendAs(.get, "/dang-vien/\(world.an)", as: secretary, store: world.store).status == .ok)
    #expect(
      try await sendAs(.get, "/dang-vien/\(world.an)/sua", as: secretary, store: world.store).status == .forbidden)
    let an = try #require(try await world.store.memberWithVersion(id: world.an))
    let post = try await sendAs(
      .post, "/dang-vien/\(world.an)", as: secretary, store: world.store,
      form: editForm(an.member, version: an.version, ["fullName": "Đổi tên"]))
    #expect(post.status == .forbidden)
    #expect(
      try await sendAs(.get, "/dang-vien/moi?to-chuc=KG.01.001.01", as: secretary, store: world.store).status
        == .forbidden)
    #expect(
      try await sendAs(.post, "/dang-vien", as: secretary, store: world.store, form: newMemberForm()).status
        == .forbidden
    )
  }

  // MARK: Adding a member

  @Test func theNewMemberFormCarriesTheCellAndTheSessionToken() async throws {
    let world = try await RegisterWorld.make()
    let form = try await sendAs(.get, "/dang-vien/moi?to-chuc=KG.01.001.01", as: As.staff(), store: world.store)
    #expect(form.status == .ok)
    #expect(form.body.contains("<h1>Thêm đảng viên vào Chi bộ ấp Phước Hòa</h1>"))
    #expect(form.body.contains("<form class=\"record\" method=\"post\" action=\"/dang-vien\">"))
    #expect(form.body.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-of-the-session\">"))
    #expect(form.body.contains("name=\"cell\" value=\"KG.01.001.01\""))
    let committee = try await sendAs(.get, "/dang-vien/moi?to-chuc=KG.01.001", as: As.staff(), store: world.store)
    #expect(committee.status == .badRequest)
    #expect(committee.body.contains("không phải chi bộ"))
  }

  @Test func aValidNewMemberIsAddedWithTheAdmissionAndTheBrowserGoesToTheirPage() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(.post, "/dang-vien", as: As.staff(), store: world.store, form: newMemberForm())
    #expect(reply.status == .seeOther)
    let location = try #require(reply.location)
    let id = try #require(Int64(location.replacingOccurrences(of: "/dang-vien/", with: "")))
    let stored = try #require(try await world.store.member(id: id))
    #expect(stored.fullName == "Võ Thị Em")
    #expect(stored.birthDate == day("1990-02-03"), "dd/mm/yyyy read as day first")
    #expect(stored.nationalID == "079190004321")
    let timeline = try await world.store.timeline(ofMember: id)
    #expect(timeline.events.map(\.kind) == [.admitted, .madeOfficial])
    #expect(timeline.events[0].note == "125-QĐ/ĐU")
    #expect(timeline.currentCellID == world.units["KG.01.001.01"])
    let page = try await sendAs(.get, location, as: As.staff(), store: world.store)
    #expect(page.body.contains("<h1>Võ Thị Em</h1>"))
  }

  @Test func refusedFieldsAreExplainedBesideEachFieldAndWhatWasTypedIsKept() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(
      .post, "/dang-vien", as: As.staff(), store: world.store,
      form: newMemberForm([
        "fullName": "<b>Võ</b> Thị Em", "birthDate": "03/02/2005", "nationalID": "07919000432",
        "partyCardNumber": "1001", "ethnicity": "", "officialDate": "31/02/2021", "homeTown": "Hà Tiên & Rạch Giá",
      ]))
    #expect(reply.status == .unprocessableContent)
    let body = reply.body
    #expect(
      body.contains(
        "<span class=\"error\" id=\"e-birthDate\">Với ngày sinh này, đến ngày kết nạp 19/05/2020 đảng viên mới 15 tuổi: phải đủ 18 tuổi.</span>"
      ))
    #expect(body.contains("id=\"e-nationalID\">Số căn cước phải gồm đúng 12 chữ số (đang có 11 ký tự).</span>"))
    #expect(body.contains("id=\"e-partyCardNumber\">Số thẻ đảng 1001 là của đảng viên"))
    #expect(body.contains("id=\"e-ethnicity\">Hãy nhập dân tộc.</span>"))
    #expect(body.contains("id=\"e-officialDate\">“31/02/2021” không phải một ngày"))
    // Each message sits in the field's own block, right after its input.
    #expect(
      body.contains(
        "<input id=\"f-nationalID\" name=\"nationalID\" value=\"07919000432\" aria-invalid=\"true\" aria-describedby=\"e-nationalID\"><span class=\"error\" id=\"e-nationalID\">"
      ))
    // What was typed is still there, as text.
    #expect(body.contains("name=\"fullName\" value=\"&lt;b&gt;Võ&lt;/b&gt; Thị Em\""))
    #expect(body.contains("name=\"homeTown\" value=\"Hà Tiên &amp; Rạch Giá\""))
    #expect(body.contains("name=\"birthDate\" value=\"03/02/2005\""))
    #expect(body.contains("name=\"admissionDate\" value=\"19/05/2020\""))
    #expect(
      try await world.store.searchMembers("vo thi em", within: nil, on: .today, limit: 5).isEmpty, "nothing written")
  }

  @Test func anOfficialDateInsideTheProbationIsRefusedBesideIt() async throws {
    let world = try await RegisterWorld.make()
    let reply = try await sendAs(
      .post, "/dang-vien", as: As.staff(), store: world.store, form: newMemberForm(["officialDate": "2020-12-01"]))
    #expect(reply.status == .unprocessableContent)
    #expect(reply.body.contains("id=\"e-officialDate\">Thời gian dự bị là 12 tháng từ ngày kết nạp 19/05/2020"))
  }

  @Test func aCellOutsideTheSubtreeIsRefusedBesideTheCellLikeAMissingOne() async throws {
    let world = try await RegisterWorld.make()
    for cell in ["KG.01.001.01", "KG.99"] {
      let reply = try await sendAs(
        .post, "/dang-vien", as: As.staff("KG.03"), store: world.store, form: newMemberForm(["cell": cell]))
      #expect(reply.status == .unprocessableContent)
      #expect(reply.body.contains("id=\"e-cell\">Không tìm thấy chi bộ mã “\(cell)” trong phạm vi của bạn.</span>"))
    }
  }

  @Test func sponsorsAreRecordedWithTheAdmissionAndCheckedBesideTheirFields() async throws {
    let world = try await RegisterWorld.make()
    let added = try await sendAs(
      .post, "/dang-vien", as: As.staff(), store: world.store,
      form: newMemberForm(["sponsor1": "1001", "sponsor2": "1002"]))
    #expect(added.status == .seeOther)
    let id = try #require(added.location.flatMap { Int64($0.replacingOccurrences(of: "/dang-vien/", with: "")) })
    let admission = try #require(try await world.store.admission(ofMember: id))
    #expect(admission.decisionNumber == "125-QĐ/ĐU")
    #expect(admission.sponsorIDs == [world.an, world.bich])

    // One sponsor only; a sponsor outside the subtree (Cường is in Hà Tiên); a probationary sponsor.
    let one = try await sendAs(
      .post, "/dang-vien", as: As.staff(), store: world.store,
      form: newMemberForm(["partyCardNumber": "20000002", "nationalID": "", "sponsor1": "1001"]))
    #expect(one.status == .unprocessableContent)
    #expect(one.body.contains("id=\"e-sponsor2\">Cần đủ 2 người giới thiệu"))
    let outside = try await sendAs(
      .post, "/dang-vien", as: As.staff("KG.01"), store: world.store,
      form: newMemberForm(["partyCardNumber": "20000002", "nationalID": "", "sponsor1": "1001", "sponsor2": "1003"]))
    #expect(outside.body.contains("id=\"e-sponsor2\">Không tìm thấy đảng viên có số thẻ 1003 trong phạm vi của bạn."))
    let early = try await sendAs(
      .post, "/dang-vien", as: As.staff(), store: world.store,
      form: newMemberForm([
        "partyCardNumber": "20000002", "nationalID": "", "admissionDate": "01/01/2011", "officialDate": "",
        "sponsor1": "1001", "sponsor2": "1002",
      ]))
    #expect(
      early.body.contains(
        "id=\"e-sponsor1\">Nguyễn Văn An không phải đảng viên chính thức vào ngày kết nạp 01/01/2011"))
    #expect(early.body.contains("name=\"sponsor2\" value=\"1002\""), "what was typed is kept")
  }

  // MARK: Editing a member

  @Test func theEditFormCarriesTheVersionAndTheStoredValues() async throws {
    let world = try await RegisterWorld.make()
    let form = try await sendAs(.get, "/dang-vien/\(world.an)/sua", as: As.staff(), store: world.store)
    #expect(form.status == .ok)
    #expect(form.body.contains("<form class=\"record\" method=\"post\" action=\"/dang-vien/\(world.an)\">"))
    #expect(form.body.contains("<input type=\"hidden\" name=\"version\" value=\"2\">"), "one edit since it was added")
    #expect(form.body.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-of-the-session\">"))
    #expect(form.body.contains("name=\"birthDate\" value=\"14/07/1985\""))
    #expect(form.body.contains("<option value=\"female\" selected>Nữ</option>"))
    #expect(form.body.contains("name=\"nationalID\" value=\"079085001234\""))
  }

  @Test func aValidEditIsSavedAndTheBrowserGoesBackToTheMember() async throws {
    let world = try await RegisterWorld.make()
    let an = try #require(try await world.store.memberWithVersion(id: world.an))
    let reply = try await sendAs(
      .post, "/dang-vien/\(world.an)", as: As.staff(), store: world.store,
      form: editForm(an.member, version: an.version, ["homeTown": "Châu Thành", "birthDate": "1985-07-15"]))
    #expect(reply.status == .seeOther)
    #expect(reply.location == "/dang-vien/\(world.an)")
    let stored = try #require(try await world.store.memberWithVersion(id: world.an))
    #expect(stored.member.homeTown == "Châu Thành")
    #expect(stored.member.birthDate == day("1985-07-15"))
    #expect(stored.version == an.version + 1)
  }

  @Test func aBirthDateThatMakesTheRecordedAdmissionTooYoungIsRefusedBesideIt() async throws {
    let world = try await RegisterWorld.make()
    let an = try #require(try await world.store.memberWithVersion(id: world.an))
    let reply = try await sendAs(
      .post, "/dang-vien/\(world.an)", as: As.staff(), store: world.store,
      form: editForm(an.member, version: an.version, ["birthDate": "01/01/2000"]))
    #expect(reply.status == .unprocessableContent)
    #expect(
      reply.body.contains("id=\"e-birthDate\">Với ngày sinh này, đến ngày kết nạp 19/05/2010 đảng viên mới 10 tuổi"))
    #expect(reply.body.contains("<input type=\"hidden\" name=\"version\" value=\"\(an.version)\">"))
    #expect(try await world.store.memberWithVersion(id: world.an) == an)
  }

  @Test func aStaleEditIsRefusedWith409ShowingTheNewerValuesAndOverwritesNothing() async throws {
    let world = try await RegisterWorld.make()
    let opened = try #require(try await world.store.memberWithVersion(id: world.an))
    // Someone else saves first.
    var other = opened.member
    other.homeTown = "Kiên Lương"
    other.occupation = "Nông dân"
    _ = try await world.store.updateMember(other, expectedVersion: opened.version, by: .commandLine(user: "thu"))

    let typed = editForm(opened.member, version: opened.version, ["homeTown": "Châu Thành", "education": "9/12"])
    let reply = try await sendAs(.post, "/dang-vien/\(world.an)", as: As.staff(), store: world.store, form: typed)
    #expect(reply.status == .conflict)
    #expect(reply.body.contains("Hồ sơ này đã được người khác sửa sau khi bạn mở trang."))
    // What was typed stays; the stored values show beside the fields that differ.
    #expect(
      reply.body.contains(
        "<input id=\"f-homeTown\" name=\"homeTown\" value=\"Châu Thành\"><span class=\"newer\">Đang lưu: Kiên Lương</span>"
      ))
    #expect(reply.body.contains("name=\"education\" value=\"9/12\""))
    #expect(reply.body.contains("<span class=\"newer\">Đang lưu: Nông dân</span>"))
    #expect(!reply.body.contains("Đang lưu: Nguyễn Văn An"), "unchanged fields show no stored value")
    // The form now carries the stored version, so saving again is a deliberate overwrite.
    #expect(reply.body.contains("<input type=\"hidden\" name=\"version\" value=\"\(opened.version + 1)\">"))
    let stored = try #require(try await world.store.memberWithVersion(id: world.an))
    #expect(stored.member.homeTown == "Kiên Lương")
    #expect(stored.member.education == "")

    let again = try await sendAs(
      .post, "/dang-vien/\(world.an)", as: As.staff(), store: world.store,
      form: editForm(
        opened.member, version: stored.version,
        ["homeTown": "Châu Thành", "education": "9/12", "occupation": "Nông dân"]
      ))
    #expect(again.status == .seeOther)
    let final = try #require(try await world.store.memberWithVersion(id: world.an))
    #expect(final.member.homeTown == "Châu Thành")
    #expect(final.member.occupation == "Nông dân")
  }

  @Test func anEditWithoutAVersionIsRefused() async throws {
    let world = try await RegisterWorld.make()
    let an = try #require(try await world.store.member(id: world.an))
    let reply = try await sendAs(
      .post, "/dang-vien/\(world.an)", as: As.staff(), store: world.store,
      form: editForm(an, version: 0).filter { $0.0 != "version" })
    #expect(reply.status == .badRequest)
    #expect(reply.body.contains("Biểu mẫu thiếu phiên bản của hồ sơ."))
  }
}
