import DangVuCore

/// The targets the demo's provinces are held to, as their committees would enter them: Resolution 21-NQ/TW
/// (2022) as the province of the published reports applies it — at least 90 % good or above each year to 2030
/// for every province, and that province's own band of 1,600–1,800 admissions a year for 2022–2025.
public enum DemoTargets {
  /// The province whose published reports the demo reproduces.
  public static let publishedProvince = "KG"

  public static func of(provinceCode code: String) throws(DomainError) -> [ReportTarget] {
    var targets = [
      try ReportTarget(
        measure: .goodOrAbovePercent, scopeCode: code, years: 2022...2030, low: 90, source: "Nghị quyết số 21-NQ/TW")
    ]
    if code == publishedProvince {
      targets.append(
        try ReportTarget(
          measure: .admissionsPerYear, scopeCode: code, years: 2022...2025, low: 1_600, high: 1_800,
          source: "Nghị quyết số 21-NQ/TW"))
    }
    return targets
  }
}
