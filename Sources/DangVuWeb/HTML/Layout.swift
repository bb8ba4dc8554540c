import DangVuCore

/// The frame every page shares: title, the small stylesheet, the header with search and the footer.
enum Layout {
  static func page(title: String, query: String = "", day: Day? = nil, head: HTML = .empty, body: HTML) -> HTML {
    let frame = SignedIn.current
    let account = frame.map(accountBox) ?? .empty
    let menu = frame.map { menuBar($0.principal) } ?? .empty
    return """
      <!DOCTYPE html>
      <html lang="vi">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title) · DangVu</title>
      \(head)
      <style>\(stylesheet)</style>
      </head>
      <body>
      <header>
      <a class="brand" href="\(Links.home(day: day))">Đảng vụ</a>
      <form class="search" method="get" action="/tim-kiem" role="search">
      <input type="search" name="q" value="\(query)" placeholder="Tìm đảng viên theo họ tên" aria-label="Tìm đảng viên">
      <button type="submit">Tìm</button>
      </form>
      \(account)
      </header>
      \(menu)
      <main>
      \(body)
      </main>
      <footer>DangVu — hồ sơ công tác xây dựng Đảng</footer>
      </body>
      </html>
      """
  }

  /// Who is signed in, in which role and subtree, and the sign-out button (a POST form, so a link
  /// on another site cannot sign anyone out).
  private static func accountBox(_ frame: SignedIn.Frame) -> HTML {
    """
    <form class="account" method="post" action="/dang-xuat">
    <span>\(frame.principal.displayName) · \(frame.principal.role.nameVi) · \(frame.principal.scopeCode)</span>
    <input type="hidden" name="\(CSRF.fieldName)" value="\(frame.csrfToken ?? "")">
    <button type="submit">Đăng xuất</button>
    </form>
    """
  }

  /// The sections the role may open; the routes check again, this only hides what would refuse.
  private static func menuBar(_ principal: Principal) -> HTML {
    var items: [(String, String)] = []
    if principal.role.ownRecordOnly {
      items.append((Links.home(for: principal), "Hồ sơ của tôi"))
    } else {
      items.append((Links.home(), "Cây tổ chức"))
    }
    if principal.allows(.readRecords) { items.append(("/kiem-tra-ky-luat", "Kiểm tra, kỷ luật")) }
    if principal.allows(.recordLifecycle) { items.append((Links.transfers(), "Chuyển sinh hoạt")) }
    if principal.allows(.readReports) {
      items += [
        ("/tong-quan", "Tổng quan"), ("/bao-cao/danh-gia", "Báo cáo đánh giá"),
        ("/bao-cao/dang-vien", "Báo cáo đảng viên"), ("/bao-cao/kiem-tra", "Báo cáo kiểm tra"),
      ]
    }
    if principal.allows(.readReports) { items.append((Links.targets(scope: nil), "Chỉ tiêu")) }
    if principal.allows(.readRecords) && !principal.role.ownRecordOnly {
      items.append(("/chat-luong-du-lieu", "Chất lượng dữ liệu"))
    }
    if principal.allows(.editRegister) || principal.allows(.editOversight) || principal.allows(.editGrades) {
      items += [(Links.imports, "Nhập tệp"), (Links.importTemplates, "Mẫu nhập")]
    }
    if principal.allows(.readAudit) { items.append(("/nhat-ky", "Nhật ký")) }
    items.append(("/ma-truy-cap", "Mã truy cập API"))
    let links = items.map { item -> HTML in "<a href=\"\(item.0)\">\(item.1)</a>" }
    return "<nav class=\"menu\">\(links)</nav>"
  }

  /// A form to see a page as of another date; the browser's date picker sends ISO dates.
  static func dateForm(action: String, day: Day, extra: HTML = .empty) -> HTML {
    """
    <form class="date" method="get" action="\(action)">
    <label>Xem theo ngày <input type="date" name="ngay" value="\(day.iso)"></label>
    \(extra)<button type="submit">Xem</button>
    </form>
    """
  }

  // Inline and small: the server fetches nothing from outside, and the page must read on a phone.
  static let stylesheet: HTML = """
    *{box-sizing:border-box}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fafafa}
    header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem 1rem;background:#a50e0e;color:#fff}
    header a.brand{color:#fff;font-weight:700;text-decoration:none;font-size:1.15rem}
    form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:0}
    form.search{flex:1 1 16rem}
    form.search input{flex:1 1 10rem}
    textarea{font:inherit;padding:.35rem .5rem;border:1px solid #bbb;border-radius:4px}
    input,button,select{font:inherit;padding:.35rem .5rem;border:1px solid #bbb;border-radius:4px;max-width:100%}
    button{background:#fff;cursor:pointer}
    main{max-width:60rem;margin:0 auto;padding:1rem}
    h1{font-size:1.35rem;margin:.2rem 0 .6rem}
    h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
    a{color:#0b57d0}
    .muted{color:#666}
    .kind{color:#666;font-size:.9rem}
    .count{white-space:nowrap;font-variant-numeric:tabular-nums}
    nav.crumbs{font-size:.9rem;margin-bottom:.4rem}
    ul.tree{list-style:none;padding-left:0}
    ul.tree ul{list-style:none;padding-left:1.1rem;border-left:2px solid #e3e3e3;margin:.2rem 0 .6rem .3rem}
    ul.tree li{margin:.25rem 0}
    .table{overflow-x:auto}
    table{border-collapse:collapse;width:100%;background:#fff}
    th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
    th{background:#f0f0f0;font-weight:600}
    td.num,th.num{text-align:right}
    tr.bad td{background:#fdecea}
    progress{width:100%;height:1.2rem}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
    dl.facts dt{color:#666}
    dl.facts dd{margin:0}
    .notice{background:#fff8e1;border:1px solid #f0d98c;padding:.5rem .75rem;border-radius:4px}
    form.account{margin-left:auto;color:#fff;font-size:.9rem}
    form.account button{padding:.2rem .5rem}
    nav.menu{display:flex;flex-wrap:wrap;gap:.2rem 1rem;padding:.4rem 1rem;background:#f3e5e5;font-size:.95rem}
    form.stacked{flex-direction:column;align-items:stretch;max-width:24rem}
    form.stacked label{margin-top:.4rem;font-weight:600}
    .field-error{color:#a50e0e;font-size:.9rem}
    footer{max-width:60rem;margin:2rem auto 1rem;padding:0 1rem;color:#888;font-size:.85rem}
    .print-only{display:none}
    \(printStylesheet)
    """

  /// On paper (A4, the margins of a Party document) a page keeps only what it reports: no menus, pickers,
  /// forms or download links; tables run across pages with their header repeated and no row cut in two;
  /// charts shrink to the page; the narrative prints as paragraphs, since a textarea prints only what fits.
  static let printStylesheet: HTML = """
    @media print{
    @page{size:A4;margin:20mm 15mm 20mm 30mm}
    body{background:#fff;color:#000;font:11pt/1.4 "Times New Roman",Times,serif}
    header,nav,footer,form,button,.no-print,ul.downloads,textarea{display:none!important}
    .print-only{display:block}
    main{max-width:none;margin:0;padding:0}
    a{color:inherit;text-decoration:none}
    h1,h2{break-after:avoid;page-break-after:avoid}
    .table{overflow:visible}
    table{width:100%;font-size:10pt}
    thead{display:table-header-group}
    tr,th,td{break-inside:avoid;page-break-inside:avoid}
    th{background:#fff;border-bottom:1px solid #000}
    svg.chart{max-width:100%;height:auto;max-height:120mm;break-inside:avoid;page-break-inside:avoid}
    p.narrative{text-align:justify;text-indent:1cm;margin:.3em 0}
    }
    """
}
