import DangVuStore

/// What the report pages, their JSON and the dashboard read: the three reports with the records they open on, the
/// units below for the scope picker, the tree for the issuing committee, and the access checks.
typealias ReportingStore =
  EvaluationStore & CycleEvaluationStore & MembershipStore & OversightStore & DashboardStore & AccessStore
