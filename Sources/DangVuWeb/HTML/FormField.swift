/// One labelled control of an entry form with its refusal beside it: the same markup on every form, so a message
/// always sits under its field, keeps what was typed, and is tied to the control for screen readers
/// (`aria-describedby`). `id` tells two forms of one page apart; it defaults to the field's name.
enum FormField {
  static func described(_ id: String, error: String?) -> HTML {
    error != nil ? " aria-invalid=\"true\" aria-describedby=\"e-\(id)\"" : .empty
  }

  static func wrap(_ id: String, _ label: String, _ control: HTML, error: String?, extra: HTML = .empty) -> HTML {
    let message: HTML = error.map { "<span class=\"error\" id=\"e-\(id)\">\($0)</span>" } ?? .empty
    return "<div class=\"field\"><label for=\"f-\(id)\">\(label)</label>\(control)\(message)\(extra)</div>\n"
  }

  static func input(
    _ name: String, _ label: String, value: String, error: String?, id: String? = nil, placeholder: String = "",
    numeric: Bool = false
  ) -> HTML {
    let id = id ?? name
    let mode: HTML = numeric ? " inputmode=\"numeric\"" : .empty
    let hint: HTML = placeholder.isEmpty ? .empty : " placeholder=\"\(placeholder)\""
    return wrap(
      id, label,
      "<input id=\"f-\(id)\" name=\"\(name)\" value=\"\(value)\"\(hint)\(mode)\(described(id, error: error))>",
      error: error)
  }

  static func textarea(_ name: String, _ label: String, value: String, error: String?) -> HTML {
    wrap(
      name, label,
      "<textarea id=\"f-\(name)\" name=\"\(name)\" rows=\"2\"\(described(name, error: error))>\(value)</textarea>",
      error: error)
  }
}
