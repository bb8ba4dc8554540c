import Hummingbird

/// A failure shown to a person as a page: the status and a Vietnamese message saying what to do.
struct PageError: Error {
  var status: HTTPResponse.Status
  var title: String
  var message: String
}
