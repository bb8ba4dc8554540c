import DangVuCore
import DangVuStore

extension ImportFileKind {
  /// What a role must be allowed to import a file of this kind; where is always its subtree (`ImportRun.scopeCode`).
  var permission: Permission {
    switch self {
    case .organisations, .members, .events, .population: .editRegister
    case .grades: .editGrades
    case .posts, .collectives: .recordPosts
    case .inspections, .discipline, .appeals, .complaints: .editOversight
    }
  }
}
