import DangVuCore
import Foundation
import Testing

@testable import DangVuWeb

/// Forms and the API report typed-input problems one way: a message beside each field, and a general one
/// above the form (or in `details.general`) for what no field explains.
@Suite struct FieldProblemsTests {
  @Test func aStoreRefusalGoesBesideItsFieldOrAboveTheForm() {
    let card = MemberFields.problems(forRefusal: DomainError("member.duplicateCard", "Số thẻ đã có."))
    #expect(card.fields == ["partyCardNumber": "Số thẻ đã có."])
    #expect(card.general == nil)
    let whole = MemberFields.problems(forRefusal: DomainError("member.eventAfterExit", "Đã ra khỏi Đảng."))
    #expect(whole.fields.isEmpty)
    #expect(whole.general == "Đã ra khỏi Đảng.")
    #expect(!whole.isEmpty)
  }

  @Test func theMemberFormShowsAGeneralProblemAboveTheFormAndFieldProblemsBesideThem() {
    var model = MemberFormModel(
      mode: .create(cellName: "Chi bộ 1"), fields: .new(inCell: "KG.01"), nationalIDEditable: true, csrf: "")
    model.errors.general = "Đã ra khỏi <Đảng>."
    #expect(MemberFormView.render(model).markup.contains("role=\"alert\">Đã ra khỏi &lt;Đảng&gt;.</p>"))
    model.errors = FieldProblems(fields: ["fullName": "Hãy nhập họ và tên."])
    let page = MemberFormView.render(model).markup
    #expect(page.contains("có 1 ô cần sửa"))
    #expect(page.contains("<span class=\"error\" id=\"e-fullName\">Hãy nhập họ và tên.</span>"))
  }

  @Test func theJSONHasFieldsAndOnlyAGeneralMessageWhenThereIsOne() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let fields = try encoder.encode(FieldProblems(fields: ["version": "x"]))
    #expect(String(decoding: fields, as: UTF8.self) == #"{"fields":{"version":"x"}}"#)
    let general = try encoder.encode(FieldProblems(general: "y"))
    #expect(String(decoding: general, as: UTF8.self) == #"{"fields":{},"general":"y"}"#)
  }
}
