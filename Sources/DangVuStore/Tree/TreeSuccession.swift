import DangVuCore

/// The units a unit took over by merger, read for the access check's other half and for the report pages that
/// open on a period before the unit existed (docs/decisions/0040-successor-committees.md).
public protocol TreeSuccession: Sendable {
  /// Every unit merged into `code`, and those merged into them, latest merge first.
  func predecessors(ofCode code: String) async throws -> [Succession]
}
