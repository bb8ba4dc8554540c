/// An edit made from an older version of a record than the one stored: refused with 409, and the
/// stored record goes back so the person (or client) can see the newer values and redo their change.
struct StaleEditError: Error {
  var message: String
  /// The record as it is now, with its version; encoded as the JSON error's `details`.
  var current: any Encodable & Sendable
}
