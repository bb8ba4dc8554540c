import DangVuCore

/// Addresses of the changes to the tree (`TreeEditingController`).
extension Links {
  /// The page of the changes a province's staff may make to the unit `code`.
  static func treeChanges(_ code: String) -> String {
    "/to-chuc/" + encode(code, allowed: pathAllowed) + "/thay-doi"
  }

  static func treeChange(_ code: String, _ act: TreeChangeAct) -> String {
    treeChanges(code) + "/" + act.rawValue
  }
}
