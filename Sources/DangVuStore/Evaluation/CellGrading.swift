import DangVuCore

/// A cell's grading sheet of a year, edited as one page: one version for the whole cell, because the grading page
/// saves its rows together (docs/decisions/0011-edit-versions.md). An evaluation part of its own, beside
/// `RegisterEditing`, so that an engine serves it with the rest of the evaluation.
public protocol CellGrading: Sendable {
  /// The members of a cell to grade in a year's cycle, their saved grades, what the rules already decide
  /// for each, and the version a save must carry.
  func cellGrades(code: String, year: Int) async throws -> CellGradeSheet

  /// Records the grades of a cell's members in one transaction if the sheet's version is still
  /// `expectedVersion` (else `StaleVersion<CellGradeSheet>`). Every row is checked; any refusal writes
  /// nothing and throws `CellGradingRefused` naming each refused row.
  @discardableResult
  func gradeCell(code: String, year: Int, entries: [CellGradeInput], expectedVersion: Int, by actor: AuditActor)
    async throws -> CellGradeSheet
}
