import DangVuCore

/// Addresses of a member's lifecycle: the acts of the member's page, corrections, transfers, admission.
extension Links {
  static func lifecycle(_ id: Int64, _ act: LifecycleAct) -> String { "/dang-vien/\(id)/su-kien/\(act.rawValue)" }

  static func correctEvent(_ id: Int64, _ eventID: Int64) -> String { "/dang-vien/\(id)/sua-su-kien/\(eventID)" }

  /// Letters addressed to the cells of the subtree and letters sent from them.
  static func transfers() -> String { "/chuyen-sinh-hoat" }

  static func receiveTransfer(_ letterID: Int64) -> String { "/chuyen-sinh-hoat/\(letterID)/tiep-nhan" }

  /// Admitting a member into the cell `code`, with the decision and two sponsors.
  static func admission(inCell code: String) -> String {
    "/to-chuc/" + encode(code, allowed: pathAllowed) + "/ket-nap"
  }

  /// Receiving into the cell `code` a member admitted in another province.
  static func arrival(inCell code: String) -> String {
    "/to-chuc/" + encode(code, allowed: pathAllowed) + "/tiep-nhan-ngoai-tinh"
  }
}
