import DangVuCore
import Hummingbird

/// `GET /api/audit`: a page of entries, newest first; `next` is the `truoc` of the older page.
struct AuditListResponse: ResponseEncodable {
  var entries: [AuditEntry]
  var next: Int64?
}

/// `GET /api/audit/verify`: the chain's state, with the first break in Vietnamese when there is one.
struct AuditVerificationResponse: ResponseEncodable {
  struct Break: Encodable {
    var sequence: Int64
    var reason: AuditBreak.Reason
    var through: Int64?
    var message: String
  }

  var intact: Bool
  var entriesChecked: Int
  var lastSequence: Int64?
  var lastHash: String
  var broken: Break?

  init(_ verification: AuditVerification) {
    intact = verification.isIntact
    entriesChecked = verification.entriesChecked
    lastSequence = verification.lastSequence
    lastHash = verification.lastHash
    broken = verification.broken.map {
      Break(sequence: $0.sequence, reason: $0.reason, through: $0.through, message: $0.messageVi)
    }
  }
}
