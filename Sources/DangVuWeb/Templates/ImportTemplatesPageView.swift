import DangVuStore

/// The page listing the blank workbooks, one per kind of import file.
enum ImportTemplatesPageView {
  static func render() -> HTML {
    let items: [HTML] = ImportFileKind.allCases.map { kind in
      "<li><a href=\"\(Links.importTemplate(kind))\" download>\(kind.nameVi)</a> <span class=\"muted\">(\(kind.rawValue))</span></li>"
    }
    return Layout.page(
      title: "Mẫu nhập",
      body: """
        <h1>Mẫu nhập dữ liệu (Excel)</h1>
        <p>Mỗi mẫu có dòng tiêu đề với đủ các cột, một dòng ví dụ và danh sách chọn cho các cột loại, hình thức, \
        xếp loại. Cột mã (số thẻ, số căn cước, mã tổ chức) đã định dạng Văn bản để Excel giữ các số 0 ở đầu. \
        Xóa dòng ví dụ trước khi nhập; cách ghi từng cột có trong tài liệu định dạng tệp.</p>
        <ul>\(items)</ul>
        """)
  }
}
