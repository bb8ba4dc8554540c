import DangVuCore
import DangVuStore
import DangVuWeb
import Foundation
import Hummingbird
import Testing

/// Every role, scoped to Châu Thành (KG.01), against every route the application serves, aimed at records
/// of Tân Hiệp and Hà Tiên (outside): by guessed ids and codes in the path, by unit codes in the query and
/// in forms and JSON bodies. Nothing outside may show and nothing may be written.
@Suite struct AccessMatrixTests {
  /// Names that only records outside KG.01 carry.
  static let outsideMarkers = ["Trần Văn Cường", "Lê Thị Hoa", "Tân Hiệp", "Hà Tiên"]
  static let outsideUnit = "KG.02.001"

  struct World {
    var store: SQLiteStore
    var outsideMember: Int64
    var outsideComplaint: Int64
    var insideMember: Int64
    /// An API token of an account scoped outside, named so that showing it shows a marker.
    var outsideToken: Int64
    /// A transfer letter from one outside cell to another, and an event of the outside member's history.
    var outsideLetter: Int64
    var outsideEvent: Int64
    /// Cường's post in his cell and his cell's committee (chi ủy) with him in it.
    var outsidePost: Int64
    var outsideCollective: Int64
    /// A reprimand of Cường by Hà Tiên's commission: an appeal against it must not be recorded from inside.
    var outsideDecision: Int64
    /// A supervision of Cường by Tân Hiệp's committee: a correction of it must not be written from inside.
    var outsideInspection: Int64
  }

  static let outsideLogin = "cuong.tanhiep"

  static func world() async throws -> World {
    let (store, _) = try await WebProvince.store(extraUnits: [
      NewOrganisation(
        code: "KG.02.002", name: "Chi bộ ấp Tân Hiệp B", kind: .grassrootsCell, parentCode: "KG.02",
        founded: Day(parsing: "2000-01-01")!)
    ])
    let cuong = try #require(try await store.member(cardNumber: "1003"))
    let an = try #require(try await store.member(cardNumber: "1001"))
    let complaint = try await store.recordComplaints([
      Complaint(
        kind: .denunciation, subject: .member(cuong.id), received: Day(parsing: "2024-04-02")!,
        summary: "Tố cáo Trần Văn Cường")
    ])[0]
    _ = try await store.addAccount(
      NewAccount(login: outsideLogin, displayName: "Trần Văn Cường", role: .secretary, scopeCode: outsideUnit),
      password: "mat-khau-thu-nghiem", cost: 4)
    let token = try await store.issueAPIToken(
      NewAPIToken(login: outsideLogin, name: "Tân Hiệp tích hợp"), by: .commandLine(user: "thu"), at: Date())
    let letter = try await store.issueTransferLetter(
      NewTransferLetter(
        memberID: cuong.id, toCellID: try #require(try await store.organisation(code: "KG.02.002")).id,
        issued: Day(parsing: "2024-06-03")!, number: "9-GGT/Tân Hiệp"),
      expectedVersion: nil, by: .commandLine(user: "thu"))
    let event = try #require(
      try await store.memberRecord(id: cuong.id, within: nil, on: .today)?.recordedEvents.first?.id)
    let post = try await store.recordPost(
      NewPost(memberID: cuong.id, kindCode: "secretary", unitCode: outsideUnit, from: Day(parsing: "2020-10-01")!),
      by: .commandLine(user: "thu"))
    let collective = try await store.recordCollective(
      NewCollective(
        unitCode: outsideUnit, name: "Chi ủy Tân Hiệp", kindCode: "committee", formed: Day(parsing: "2020-10-01")!),
      by: .commandLine(user: "thu"))
    _ = try await store.seatInCollective(
      NewCollectiveSeat(
        collectiveID: collective.collective.id, memberID: cuong.id, from: Day(parsing: "2020-10-01")!),
      by: .commandLine(user: "thu"))
    // Cường's 2023 grade, submitted by his unit: a workflow step aimed outside would change its state.
    try await store.openEvaluationCycle(scope: "KG.02", year: 2023, evaluationDate: Day(parsing: "2023-12-15")!)
    try await store.recordGrades([GradeEntry(subject: .member(cuong.id), outcome: .graded(.good))], year: 2023)
    try await store.advanceGrades(
      of: outsideUnit, year: 2023, to: .submit, by: .commandLine(user: "thu"), reason: "")
    let decision = try await store.recordDiscipline([
      DisciplineDecision(
        subject: .member(cuong.id), form: .reprimand, categories: ["prohibitedActs"],
        decidingBody: ConductingBody(.inspectionCommission, of: "KG.03"), number: "3-QĐ/UBKT",
        decided: Day(parsing: "2024-04-01")!, violated: Day(parsing: "2024-03-01")!)
    ])[0]
    let inspection = try await store.recordInspections([
      Inspection(
        kind: .supervision(.thematic), body: ConductingBody(.partyCommittee, of: "KG.02"),
        title: "Giám sát Tân Hiệp", started: Day(parsing: "2024-04-01")!,
        subjects: [InspectionSubject(.member(cuong.id))])
    ])[0]
    return World(
      store: store, outsideMember: cuong.id, outsideComplaint: complaint.id, insideMember: an.id,
      outsideToken: token.token.id, outsideLetter: letter.id, outsideEvent: event, outsidePost: post.post.id,
      outsideCollective: collective.collective.id, outsideDecision: decision.id, outsideInspection: inspection.id)
  }

  /// The address of a route aimed outside: path parameters replaced, and every unit parameter the
  /// pages and the API read set to a unit outside.
  static func outsideURI(_ path: String, _ world: World) -> String {
    let parts = path.split(separator: "/").map { part -> String in
      switch part {
      case "{code}": outsideUnit
      case "{year}": "2023"
      case "{id}" where path.contains("don") || path.contains("complaints"): String(world.outsideComplaint)
      // Before the decisions: `/kiem-tra-ky-luat/kiem-tra/{id}` contains "ky-luat" too.
      case "{id}" where path.contains("/kiem-tra/") || path.contains("inspections"): String(world.outsideInspection)
      case "{id}" where path.contains("ky-luat") || path.contains("discipline"): String(world.outsideDecision)
      case "{id}" where path.contains("tokens") || path.contains("ma-truy-cap"): String(world.outsideToken)
      case "{id}" where path.contains("transfer-letters") || path.contains("chuyen-sinh-hoat"):
        String(world.outsideLetter)
      case "{event}": String(world.outsideEvent)
      case "{post}": String(world.outsidePost)
      case "{collective}": String(world.outsideCollective)
      case "{act}": "xoa-ten"
      case "{id}": String(world.outsideMember)
      default: String(part)
      }
    }
    let query =
      ["to-chuc", "org", "trong", "ma"].map { "\($0)=\(outsideUnit)" }
      + ["nam=2023", "year=2023", "ky=2024", "period=2024", "q=tran"]
    return "/" + parts.joined(separator: "/") + "?" + query.joined(separator: "&")
  }

  /// A form or JSON body naming outside records in every field that names a unit or a member.
  static let outsideFields: [(String, String)] = [
    ("cell", outsideUnit), ("subject", "1003"), ("subjectKind", "member"), ("bodyCode", outsideUnit),
    ("fullName", "Người mới"), ("form", "reprimand"), ("categories[]", "prohibitedActs"),
    ("organ", "inspectionCommission"), ("number", "1-QĐ"), ("decided", "2024-05-01"), ("violated", "2024-04-01"),
    ("kind", "complaint"), ("received", "2024-05-01"), ("resolved", "2024-05-02"), ("finding", "correct"),
    ("version", "1"), ("nam", "2023"), ("login", outsideLogin), ("name", "Tân Hiệp"), ("date", "2024-06-10"),
    ("reason", "thử"), ("action", "remove"), ("sponsor1", "1003"), ("sponsor2", "1004"),
    ("admissionDate", "2024-06-01"), ("member", "1003"), ("unit", outsideUnit), ("from", "2024-01-01"),
    ("until", "2024-12-01"), ("cadre-1", "good"), ("year", "2023"), ("planned", "10"),
    ("measure", "goodOrAbovePercent"), ("fromYear", "2022"), ("untilYear", "2030"), ("low", "90"),
    ("source", "Nghị quyết số 21-NQ/TW"), ("parent", outsideUnit), ("into", outsideUnit), ("code", "KG.02.009"),
    ("confirm", "1"), ("step", "approve"), ("outcome", "annulled"), ("newForm", "warning"), ("lodged", "2024-04-20"),
    ("settledBy", "Ủy ban Kiểm tra"), ("settledNumber", "1-QĐ"), ("planned.inspection.regular", "3"),
    ("summary", "Khiếu nại"), ("title", "Giám sát"), ("started", "2024-04-02"), ("concluded", "2024-05-01"),
    ("memberSubjects", "1003"), ("unitSubjects", outsideUnit),
  ]

  static let outsideJSON = """
    {"cell":"\(outsideUnit)","subject":"1003","subjectKind":"member","bodyCode":"\(outsideUnit)",\
    "fullName":"Người mới","form":"reprimand","categories":["prohibitedActs"],"organ":"inspectionCommission",\
    "number":"1-QĐ","decided":"2024-05-01","violated":"2024-04-01","kind":"complaint","received":"2024-05-01",\
    "resolved":"2024-05-02","finding":"correct","version":1,"grades":[],"login":"\(outsideLogin)","name":"Tân Hiệp",\
    "date":"2024-06-10","reason":"thử","action":"remove","sponsor1":"1003","sponsor2":"1004","admissionDate":"2024-06-01",\
    "member":"1003","unit":"\(outsideUnit)","from":"2024-01-01","until":"2024-12-01","year":"2023","planned":10,\
    "measure":"goodOrAbovePercent","fromYear":2022,"untilYear":2030,"low":90,"source":"Nghị quyết số 21-NQ/TW",\
    "parent":"\(outsideUnit)","into":"\(outsideUnit)","code":"KG.02.009","outcome":"annulled","newForm":"warning",\
    "lodged":"2024-04-20","settledBy":"Ủy ban Kiểm tra","settledNumber":"1-QĐ","summary":"Khiếu nại",\
    "step":"approve","title":"Giám sát","started":"2024-04-02","concluded":"2024-05-01","memberSubjects":"1003",\
    "unitSubjects":"\(outsideUnit)"}
    """

  /// What must not change: the register, outside members' records, oversight records and complaints.
  static func fingerprint(_ world: World) async throws -> String {
    let s = try await world.store.statistics()
    let cuong = try await world.store.memberWithVersion(id: world.outsideMember)
    let records = try await world.store.oversightRecords(
      scope: "KG", from: Day(parsing: "2020-01-01")!, to: Day(parsing: "2030-12-31")!, limit: 1000)
    let complaint = try await world.store.complaint(id: world.outsideComplaint)
    let tokens = try await world.store.apiTokens(ownedBy: nil, within: nil, on: .today).map {
      "\($0.id)\($0.revoked == nil)"
    }
    return
      "\(tokens) \(s.organisations) \(s.members) \(s.events) \(cuong?.version ?? -1) \(cuong?.member.fullName ?? "")"
      + " \(records.discipline.count) \(records.complaints.count) \(complaint?.complaint.resolved?.iso ?? "-")"
      + " \(try await world.store.transferLetter(id: world.outsideLetter)?.received?.iso ?? "-")"
      + " \(try await world.store.eventCorrections(ofMember: world.outsideMember).count)"
      + " \(try await world.store.reportTargets().count)"
      + " \(try await world.store.admissionPlan(of: outsideUnit, year: 2023) ?? -1)"
      + " \(try await world.store.posts(ofMember: world.outsideMember).map { "\($0.post.id):\($0.post.until?.iso ?? "-")" })"
      + " \(try await world.store.collectives(ofUnit: outsideUnit).map { "\($0.collective.id):\($0.seats.count)" })"
      // The tree outside: a unit founded, renamed, moved, merged or dissolved there would show here.
      + " \(try await world.store.parentHistory(ofCode: outsideUnit).map { "\($0.parent ?? 0)@\($0.from.iso)" })"
      + " \(try await world.store.nameHistory(ofCode: outsideUnit).map(\.name))"
      + " \(try await world.store.organisation(code: outsideUnit)?.ended?.iso ?? "-")"
      + " \(try await world.store.organisation(code: "KG.02")?.name ?? "")"
      + " \(try await world.store.grades(of: "KG.02", year: 2023).map { "\($0.subject):\($0.outcome.code):\($0.state)" })"
      // An appeal recorded against the outside decision would show here.
      + " \(try await world.store.disciplineDecision(id: world.outsideDecision)?.history.appeals.count ?? -1)"
      + " \(try await world.store.disciplineDecision(id: world.outsideDecision)?.history.decision.number ?? "-")"
      + " \(complaint?.complaint.kind.rawValue ?? "-") \(complaint?.complaint.summary ?? "-")"
      // A correction of the outside inspection, or an inspection recorded outside.
      + " \(records.inspections.count) \(String(describing: try await world.store.inspection(id: world.outsideInspection)))"
      // A programme set for an outside body, for the year the forms and addresses name.
      + " \(try await world.store.programmeProgress(body: ConductingBody(.inspectionCommission, of: outsideUnit), year: 2023, on: Day(parsing: "2023-12-31")!) == nil)"
  }

  @Test(arguments: Role.allCases)
  func nothingOutsideTheSubtreeShowsOrChangesByAnyRoute(role: Role) async throws {
    let world = try await Self.world()
    let session =
      role == .member
      ? try await signIn(world.store, role: role, scope: "KG.01.001.01", memberID: world.insideMember)
      : try await signIn(world.store, role: role, scope: "KG.01")
    let before = try await Self.fingerprint(world)
    let routes = buildRouter(store: world.store).routes
    #expect(routes.count > 30)
    for route in routes {
      let path = "\(route.path)"
      // Signing in and out acts on the session only, and /health and the document show no records.
      if ["/dang-nhap", "/dang-xuat", "/health", "/openapi.yaml"].contains(path) { continue }
      let uri = Self.outsideURI(path, world)
      let response: TestResponse
      if route.method.isSafe {
        response = try await send(route.method, uri, to: world.store, headers: session.headers)
      } else if path.hasPrefix("/api/") {
        var headers = session.headers
        headers[.contentType] = "application/json"
        headers[.init("X-CSRF-Token")!] = session.csrf
        response = try await send(route.method, uri, to: world.store, headers: headers, body: Self.outsideJSON)
      } else {
        response = try await post(uri, form: Self.outsideFields, to: world.store, as: session)
      }
      let place = "\(role) \(route.method) \(uri): \(response.status)"
      for marker in Self.outsideMarkers {
        #expect(!response.body.contains(marker), "\(place) shows “\(marker)”")
      }
      if path.contains("{") {
        #expect([.notFound, .forbidden].contains(response.status), "\(place) answered a guessed outside id")
      }
      if !route.method.isSafe {
        #expect(!(200..<400).contains(response.status.code), "\(place) accepted a write aimed outside")
      }
    }
    #expect(try await Self.fingerprint(world) == before, "\(role): a write aimed outside changed something")
  }
}

extension HTTPRequest.Method {
  fileprivate var isSafe: Bool { self == .get || self == .head }
}
