import Hummingbird

/// A failure shown to a person as a page (or, under `/api/`, as a JSON error with `code`): the status
/// and a Vietnamese message saying what to do.
struct PageError: Error {
  var status: HTTPResponse.Status
  var title: String
  var message: String
  var code: String = "request.invalid"
}
