import DangVuStore

/// What the access checks read: units and the tree that places them, members and their histories (`RegisterStore`),
/// the committees a root took over (`TreeSuccession`), a member's whole record with the subtree check
/// (`RegisterEditing`). A controller's store is this and the parts its own work writes or reports (issue 23, part 7):
/// its type says what it touches, and an engine serving those parts serves the controller.
typealias AccessStore = RegisterStore & TreeSuccession & RegisterEditing
