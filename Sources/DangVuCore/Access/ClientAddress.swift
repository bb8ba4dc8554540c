/// The address a sign-in attempt is counted against: the peer's, or behind a proxy the operator named
/// (`dangvu serve --trusted-proxy`), the client's as that proxy reports it in `X-Forwarded-For`.
///
/// Anyone can send an `X-Forwarded-For` header, so it is read only when the peer is a trusted proxy,
/// and then from the right: each proxy appends the address it saw, so the rightmost entry that is not
/// itself a trusted proxy is the first one no client could have written.
public enum ClientAddress {
  public static func resolve(peer: String, forwardedFor: [String], trustedProxies: Set<String>) -> String {
    guard trustedProxies.contains(peer) else { return peer }
    let hops = forwardedFor.flatMap { $0.split(separator: ",") }
      .map { $0.trimmingWhitespace() }
      .filter { !$0.isEmpty }
    for hop in hops.reversed() where !trustedProxies.contains(hop) {
      // A proxy writes addresses; anything else means the header is not what it should be.
      return looksLikeIPAddress(hop) ? hop : peer
    }
    return peer
  }

  /// Digits, hex letters, dots and colons, at most 45 characters (the longest IPv6 text form).
  public static func looksLikeIPAddress(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 45 && text.contains(where: { $0 == "." || $0 == ":" })
      && text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
