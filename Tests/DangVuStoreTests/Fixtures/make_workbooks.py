#!/usr/bin/env python3
"""Writes the workbooks the XLSX import tests read: made by another program (openpyxl), the way staff's
files arrive. Run from anywhere to regenerate them (they are committed, so the tests need no Python):

    python3 -m pip install openpyxl   # scripts/lib/system-packages.sh: ensure_python_module openpyxl openpyxl
    python3 Tests/DangVuStoreTests/Fixtures/make_workbooks.py
"""
import datetime
import os
import zipfile

from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Số thẻ", "Họ tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số CCCD", "Mã chi bộ", "Ngày kết nạp",
          "Ngày chính thức"]


def save(book, name):
    # A fixed creation time, so regenerating gives the same file when nothing changed.
    book.properties.created = datetime.datetime(2026, 1, 1)
    book.properties.modified = datetime.datetime(2026, 1, 1)
    book.save(os.path.join(HERE, name))


def members_sheet(sheet):
    sheet.append(HEADER)
    # Row 2: dates as real dates (serials with a date style), codes as text with their leading zeros.
    sheet.append(["00012345", "Nguyễn Văn An", "Nam", datetime.date(1975, 3, 15), "Kinh", "091075000001",
                  "KG.01.001.01", datetime.date(2000, 5, 19), datetime.date(2001, 5, 19)])
    # Row 3: dates as text, day first, as staff type them; a date before 1 March 1900 is not needed here.
    sheet.append(["10000002", "Đặng Thị Lan", "Nữ", "02/07/1980", "Khmer", None, "KG.01.002", "2005-03-03", None])


def main():
    # Members on the second sheet, behind a sheet of notes (picked with --sheet).
    book = Workbook()
    notes = book.active
    notes.title = "Hướng dẫn"
    notes["A1"] = "Danh sách đảng viên ở trang sau."
    members_sheet(book.create_sheet("Đảng viên"))
    save(book, "members-second-sheet.xlsx")

    # A national ID Excel turned into a number: the leading 0 is gone (G3).
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(HEADER)
    sheet.append(["10000001", "Nguyễn Văn An", "Nam", datetime.date(1975, 3, 15), "Kinh", "091075000001",
                  "KG.01.001.01", datetime.date(2000, 5, 19), None])
    sheet.append(["10000002", "Đặng Thị Lan", "Nữ", datetime.date(1980, 7, 2), "Khmer", 91080000002,
                  "KG.01.002", datetime.date(2005, 3, 3), None])
    save(book, "members-number-id.xlsx")

    # A merged header cell (A1:B1).
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(HEADER)
    sheet.merge_cells("A1:B1")
    sheet.append(["10000001", None, "Nam", datetime.date(1975, 3, 15), "Kinh", None, "KG.01.001.01",
                  datetime.date(2000, 5, 19), None])
    save(book, "members-merged-header.xlsx")

    # A formula openpyxl saves without a cached value (B2), and serial 60 (29/02/1900, which never was) in D3.
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(HEADER)
    sheet.append(["10000001", '=CONCATENATE("Nguyễn ","Văn An")', "Nam", datetime.date(1975, 3, 15), "Kinh", None,
                  "KG.01.001.01", datetime.date(2000, 5, 19), None])
    sheet.append(["10000002", "Đặng Thị Lan", "Nữ", 60, "Khmer", None, "KG.01.002", datetime.date(2005, 3, 3), None])
    sheet["D3"].number_format = "dd/mm/yyyy"
    save(book, "members-formula-leap.xlsx")

    # The same bad row as ImportXLSXTests' CSV: an unknown gender (C3) and 31 February (D3).
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(HEADER)
    sheet.append(["10000001", "Nguyễn Văn An", "Nam", "15/03/1975", "Kinh", "091075000001", "KG.01.001.01",
                  "19/05/2000", None])
    sheet.append(["10000002", "Đặng Thị Lan", "X", "31/02/1980", "Khmer", None, "KG.01.002", "03/03/2005", None])
    save(book, "members-bad-row.xlsx")

    # Population with numbers stored as numbers (row 2) and as text (row 3, "1.723.067" as typed).
    book = Workbook()
    sheet = book.active
    sheet.title = "Dân số"
    sheet.append(["Mã tổ chức", "Năm", "Dân số"])
    sheet.append(["KG", 2022, 1723067])
    sheet.append(["KG", "2023", "1.730.000"])
    save(book, "population-numbers.xlsx")

    # A workbook with an empty first sheet.
    book = Workbook()
    book.active.title = "Trống"
    save(book, "empty-sheet.xlsx")

    excel_style_members("members-excel-style.xlsx")


def excel_style_members(name):
    """A members workbook laid out as Excel itself saves one, which openpyxl does not: text in the shared-string
    table (one item in rich-text runs, one with a phonetic guide), a custom dd/mm/yyyy date style and the built-in
    one (14), an element prefix on the sheet (`x:`), and an inline string in a text-formatted cell."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS đảng viên" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">'
        + "".join("<si><t>%s</t></si>" % s for s in ["so_the", "ho_ten", "gioi_tinh", "ngay_sinh", "ma_chi_bo", "ngay_ket_nap"])
        + '<si><r><t>Nguyễn </t></r><r><rPr><b/></rPr><t>Văn An</t></r><rPh sb="0" eb="1"><t>グエン</t></rPh></si>'
        + "<si><t>Nam</t></si><si><t>KG.01.001.01</t></si></sst>",
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        + '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c><x:c r="F1" t="s"><x:v>5</x:v></x:c></x:row>'
        + '<x:row r="2"><x:c r="A2" s="3" t="inlineStr"><x:is><x:t>10000001</x:t></x:is></x:c><x:c r="B2" t="s"><x:v>6</x:v></x:c><x:c r="C2" t="s"><x:v>7</x:v></x:c><x:c r="D2" s="1"><x:v>27468</x:v></x:c><x:c r="E2" t="s"><x:v>8</x:v></x:c><x:c r="F2" s="2"><x:v>36665</x:v></x:c></x:row>'
        + "</x:sheetData></x:worksheet>",
    }
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in parts.items():
            info = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main()
