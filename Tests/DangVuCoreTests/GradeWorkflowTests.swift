import DangVuCore
import Testing

/// The rules of the grading workflow by level: the unit submits; the level above approves, sends back or reopens,
/// never on its own unit; a send-back or a reopen says why.
@Suite struct GradeWorkflowTests {
  @Test func eachStepMovesFromItsStatesToItsState() {
    #expect(GradeWorkflowAction.submit.moves.from == [.draft] && GradeWorkflowAction.submit.moves.to == .submitted)
    #expect(GradeWorkflowAction.approve.moves.from == [.submitted] && GradeWorkflowAction.approve.moves.to == .approved)
    #expect(GradeWorkflowAction.sendBack.moves.from == [.submitted] && GradeWorkflowAction.sendBack.moves.to == .draft)
    #expect(GradeWorkflowAction.reopen.moves.from == [.approved] && GradeWorkflowAction.reopen.moves.to == .draft)
  }

  @Test func aUnitSubmitsItsOwnGradesButCannotDecideOnThem() {
    #expect(GradeWorkflow.refusal(.submit, unitCode: "KG.01.001", scopeCode: "KG.01.001", mayDecide: false) == nil)
    for action in [GradeWorkflowAction.approve, .sendBack, .reopen] {
      let own = GradeWorkflow.refusal(action, unitCode: "KG.01", scopeCode: "KG.01", mayDecide: true)
      #expect(own?.contains("chính tổ chức mình") == true, "\(action)")
      #expect(GradeWorkflow.refusal(action, unitCode: "KG.01.001", scopeCode: "KG.01", mayDecide: true) == nil)
    }
  }

  @Test func onlyARoleThatMayDecideApprovesSendsBackOrReopens() {
    let refusal = GradeWorkflow.refusal(.approve, unitCode: "KG.01.001.01", scopeCode: "KG.01", mayDecide: false)
    #expect(refusal?.contains("Chỉ cấp trên") == true)
    #expect(Role.secretary.allows(.approveGrades) == false)
    #expect(Role.organisationStaff.allows(.approveGrades))
    #expect(Role.administrator.allows(.approveGrades))
    #expect(Role.leader.allows(.approveGrades) == false)
  }

  @Test func sendingBackAndReopeningNeedAReasonSubmittingAndApprovingDoNot() {
    #expect(GradeWorkflow.reasonRefusal(.sendBack, reason: " \n") != nil)
    #expect(GradeWorkflow.reasonRefusal(.reopen, reason: "") != nil)
    #expect(GradeWorkflow.reasonRefusal(.sendBack, reason: "Thiếu biên bản") == nil)
    #expect(GradeWorkflow.reasonRefusal(.submit, reason: "") == nil)
    #expect(GradeWorkflow.reasonRefusal(.approve, reason: "") == nil)
  }

  @Test func aStepNeedsAGradeInAStateItAppliesTo() {
    #expect(GradeWorkflow.stateRefusal(.approve, counts: [.draft: 3], unitName: "Xã A") != nil)
    #expect(GradeWorkflow.stateRefusal(.approve, counts: [.submitted: 1], unitName: "Xã A") == nil)
    #expect(GradeWorkflow.stateRefusal(.submit, counts: [:], unitName: "Xã A")?.contains("chưa có kết quả") == true)
    #expect(GradeWorkflow.stateRefusal(.reopen, counts: [.submitted: 2], unitName: "Xã A") != nil)
  }

  @Test func theStageOfAUnitFollowsItsLeastAdvancedGradesAndItsLastStep() {
    #expect(GradingStage.of(counts: [:], lastAction: nil) == .notStarted)
    #expect(GradingStage.of(counts: [.draft: 2, .submitted: 1], lastAction: .submit) == .grading)
    #expect(GradingStage.of(counts: [.draft: 2], lastAction: .sendBack) == .sentBack)
    #expect(GradingStage.of(counts: [.draft: 2], lastAction: .reopen) == .sentBack)
    #expect(GradingStage.of(counts: [.submitted: 2, .approved: 3], lastAction: .submit) == .submitted)
    #expect(GradingStage.of(counts: [.approved: 3], lastAction: .approve) == .approved)
  }

  @Test func aLockedGradeSaysWhichStepUnlocksIt() {
    #expect(GradeWorkflow.lockedMessage(subjectName: "An", state: .approved).contains("mở lại"))
    #expect(GradeWorkflow.lockedMessage(subjectName: "An", state: .submitted).contains("trả lại"))
  }
}
