import DangVuCore
import DangVuStore
import Hummingbird

/// Posts and collectives as the API gives them (`openapi.yaml`: Post, Collective).
struct PostJSON: ResponseEncodable, Equatable {
  var id: Int64
  var memberId: Int64
  var memberName: String
  /// Empty for a post typed as a free title before kinds existed.
  var kind: String
  var title: String
  var unitCode: String
  var unitName: String
  var from: Day
  var until: Day?
  var note: String

  init(_ record: PostRecord) {
    id = record.post.id
    memberId = record.post.memberID
    memberName = record.memberName
    kind = record.post.kindCode
    title = record.title
    unitCode = record.unitCode
    unitName = record.unitName
    from = record.post.from
    until = record.post.until
    note = record.post.note
  }
}

struct PostListJSON: ResponseEncodable {
  var posts: [PostJSON]
}

struct PostKindListJSON: ResponseEncodable {
  struct Kind: Encodable {
    var code: String
    var name: String
    var singleHolder: Bool
  }

  var kinds: [Kind]
}

struct CollectiveJSON: ResponseEncodable {
  struct Seat: Encodable {
    var id: Int64
    var memberId: Int64
    var memberName: String
    var from: Day
    var until: Day?
  }

  var id: Int64
  var unitCode: String
  var unitName: String
  var name: String
  var kind: String
  var from: Day
  var until: Day?
  var members: [Seat]

  init(_ record: CollectiveRecord) {
    id = record.collective.id
    unitCode = record.unitCode
    unitName = record.unitName
    name = record.collective.name
    kind = record.collective.kindCode
    from = record.collective.formed
    until = record.collective.ended
    members = record.seats.map {
      Seat(
        id: $0.seat.id, memberId: $0.seat.memberID, memberName: $0.memberName, from: $0.seat.from,
        until: $0.seat.until)
    }
  }
}

struct CollectiveListJSON: ResponseEncodable {
  var collectives: [CollectiveJSON]
}
