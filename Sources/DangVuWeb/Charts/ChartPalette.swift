/// Fills chosen by lightness as much as by hue, so a chart printed in greyscale still tells its series
/// apart: dark, middle, light and white (outlined), with text in the colour that reads on each.
enum ChartPalette {
  static let ink = "#1d1d1f"
  static let paper = "#ffffff"
  static let track = "#eeeeee"
  static let target = "#a50e0e"

  static let darkest = "#0b3d66"
  static let middle = "#4f86c0"
  static let light = "#b9d3ec"
  static let white = "#ffffff"

  /// The fill of each grade, best first, and the text colour that reads on it.
  static let grades: [(fill: String, text: String)] = [
    (darkest, paper), (middle, paper), (light, ink), (white, ink),
  ]

  /// This period (dark) and the one compared with (light).
  static let current = darkest
  static let previous = light
}
