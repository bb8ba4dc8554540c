import DangVuCore
import DangVuStore

/// A transfer letter in the JSON API (`TransferLetter` of openapi.yaml).
struct TransferLetterJSON: Encodable, Sendable {
  struct Cell: Encodable, Sendable {
    var code: String
    var name: String
  }

  var id: Int64
  var memberID: Int64
  var memberName: String
  var fromCell: Cell
  var toCell: Cell
  var issued: Day
  var deadline: Day
  /// Past the deadline today and not received.
  var overdue: Bool
  var number: String
  var note: String
  var received: Day?

  init(_ letter: TransferLetter, today: Day) {
    id = letter.id
    memberID = letter.memberID
    memberName = letter.memberName
    fromCell = Cell(code: letter.fromCell.code, name: letter.fromCell.name)
    toCell = Cell(code: letter.toCell.code, name: letter.toCell.name)
    issued = letter.issued
    deadline = letter.deadline
    overdue = letter.overdue(on: today)
    number = letter.number
    note = letter.note
    received = letter.received
  }
}
