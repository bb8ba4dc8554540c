/// What a person does in DangVu. Every account has exactly one role, bound to one subtree
/// (its scope): the role says what they may do, the scope where.
public enum Role: String, CaseIterable, Codable, Sendable {
  case administrator
  case organisationStaff
  case inspectionStaff
  case secretary
  case leader
  case member

  public var nameVi: String {
    switch self {
    case .administrator: "Quản trị hệ thống"
    case .organisationStaff: "Cán bộ Ban Tổ chức"
    case .inspectionStaff: "Cán bộ Ủy ban kiểm tra"
    case .secretary: "Bí thư chi bộ / đảng ủy"
    case .leader: "Lãnh đạo (chỉ xem)"
    case .member: "Đảng viên (hồ sơ của mình)"
    }
  }

  /// What each role may do, anywhere in its scope: the one table every route's check reads (`allows`) and the
  /// access-matrix test reads too. Organisation staff keep the register and its histories, posts, plans and targets,
  /// approve their units' grades and change the tree (with a province as scope, checked where the tree changes);
  /// inspection staff keep oversight records; a secretary keeps their cell's histories and grades; leaders read;
  /// a member reads their own record (checked separately, `ownRecordOnly`).
  public static let permissions: [Role: Set<Permission>] = [
    .administrator: Set(Permission.allCases),
    .organisationStaff: [
      .readRecords, .readOwnRecord, .readReports, .editRegister, .recordLifecycle, .recordPosts, .editGrades,
      .approveGrades, .setTargets, .editTree, .seeNationalID,
    ],
    .inspectionStaff: [.readRecords, .readReports, .editOversight, .seeNationalID],
    .secretary: [.readRecords, .readReports, .editGrades, .recordLifecycle, .seeNationalID],
    .leader: [.readRecords, .readReports],
    .member: [.readOwnRecord],
  ]

  /// Whether this role may do `permission` anywhere in its scope.
  public func allows(_ permission: Permission) -> Bool { Self.permissions[self]?.contains(permission) ?? false }

  /// A member sees their own record and nothing else, whatever their scope says.
  public var ownRecordOnly: Bool { self == .member }
}

/// The things a role may be allowed to do; where is always the account's scope.
public enum Permission: String, CaseIterable, Codable, Sendable {
  /// The tree, unit pages, the register, members' pages, oversight records.
  case readRecords
  /// A member's own page, for the member role.
  case readOwnRecord
  case readReports
  /// Members: create, edit, lifecycle events.
  case editRegister
  /// A member's lifecycle: admission with its decision and sponsors, recognition, transfers, leaving,
  /// exemption, and corrections of wrongly entered events. Secretaries have it without `editRegister`: they
  /// keep their cell's histories, not the identity records the organisation board keeps.
  case recordLifecycle
  /// Leading posts held by members and leadership collectives with their seats: the organisation board's
  /// records of who leads (administrators and organisation staff; secretaries and leaders read them).
  case recordPosts
  /// Evaluation: grade cells and subjects, and submit a unit's grades to the level above.
  case editGrades
  /// The level above's steps of the grading workflow: approve a unit's submitted grades, send them back or
  /// reopen approved ones, for units below the account's own (organisation staff and administrators).
  case approveGrades
  /// Admission plans and the targets reports are read against (chỉ tiêu), for units in the scope.
  case setTargets
  /// The tree: found, rename, move, merge and dissolve units (issue 21 part 8: "tree, province level only").
  /// The web layer also requires the account's scope to be a root (a province), so a district's staff, who
  /// hold every other organisation permission for their subtree, cannot reshape it.
  case editTree
  /// Inspections, supervisions, discipline, complaints.
  case editOversight
  /// National ID numbers unmasked.
  case seeNationalID
  case manageAccounts
  case readAudit
}
