#!/usr/bin/env python3
"""Checks a report written by `dangvu report KIND --format docx` against the same report's `--format text`
and `--format csv`, reading the .docx with python-docx as Word would: the header of a Party document
(Hướng dẫn 36-HD/VPTW), the title, the narrative word for word, the table cells, the fonts and the page.

usage: check-report-docx.py evaluation|membership|oversight REPORT.docx REPORT.txt REPORT.csv
Prints "ok" and exits 0, or names every difference and exits 1.
"""
import csv
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

kind, docx_path, text_path, csv_path = sys.argv[1:5]
document = docx.Document(docx_path)
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def runs_of(paragraphs):
    return [run for p in paragraphs for run in p.runs if run.text]


def styled(paragraph, size, bold=False, italic=False):
    runs = runs_of([paragraph])
    check(runs, f"no text in {paragraph.text!r}")
    for run in runs:
        check(run.font.name == "Times New Roman", f"{run.text!r}: font {run.font.name}")
        check(run.font.size == Pt(size), f"{run.text!r}: size {run.font.size and run.font.size.pt} pt, not {size}")
        check(bool(run.font.bold) == bold, f"{run.text!r}: bold {run.font.bold}, not {bold}")
        check(bool(run.font.italic) == italic, f"{run.text!r}: italic {run.font.italic}, not {italic}")


def digits(text):
    """A Vietnamese count ("62.600") as the CSV writes it ("62600")."""
    return text.replace(".", "")


# The page: A4, margins 25/25/35/15 mm (top/bottom/left/right).
section = document.sections[0]
for name, value, mm in [
    ("page width", section.page_width, 210), ("page height", section.page_height, 297),
    ("top margin", section.top_margin, 25), ("bottom margin", section.bottom_margin, 25),
    ("left margin", section.left_margin, 35), ("right margin", section.right_margin, 15),
]:
    check(abs(value - Mm(mm)) <= Mm(0.1), f"{name} {value.mm:.1f} mm, not {mm}")

# The header: the issuing committee on the left, the Party's name on the right.
header = document.tables[0]
left, right = header.rows[0].cells
left_lines = [p for p in left.paragraphs if p.text.strip()]
issuer = left_lines[0]
check(issuer.text == "TỈNH ỦY KIÊN GIANG", f"issuing committee {issuer.text!r}")
styled(issuer, 14, bold=True)
check(left_lines[1].text == "*", f"star line {left_lines[1].text!r}")
number = left_lines[2]
check(number.text.startswith("Số ") and number.text.endswith("-BC/TU"), f"number and symbol {number.text!r}")
styled(number, 14)
party, date = [p for p in right.paragraphs if p.text.strip()]
check(party.text == "ĐẢNG CỘNG SẢN VIỆT NAM", f"Party heading {party.text!r}")
styled(party, 15, bold=True)
check("w:bottom" in party._p.xml, "no rule under ĐẢNG CỘNG SẢN VIỆT NAM")
check(date.text.startswith("Kiên Giang, ngày "), f"place and date {date.text!r}")
styled(date, 14, italic=True)

# The title and its subject, centred, right after the header.
body = [p for p in document.paragraphs if p.text.strip()]
title, subject = body[0], body[1]
check(title.text == "BÁO CÁO", f"title {title.text!r}")
styled(title, 16, bold=True)
check(title.alignment == WD_ALIGN_PARAGRAPH.CENTER, "title not centred")
subjects = {
    "evaluation": "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
    "membership": "Kết quả công tác phát triển đảng viên và quản lý đảng viên",
    "oversight": "Kết quả công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
}
check(subject.text.startswith(subjects[kind]), f"subject {subject.text!r}")
styled(subject, 14, bold=True)

# The narrative: word for word the text report, a paragraph per line, justified with a first-line indent.
with open(text_path, encoding="utf-8") as f:
    expected = [line.strip() for line in f.read().split("\n") if line.strip()]
narrative = [p for p in document.paragraphs if p.style.name == "Body Text"]
check([p.text for p in narrative] == expected,
      f"narrative differs from the text report: {len(narrative)} paragraphs against {len(expected)} lines")
for p in narrative:
    styled(p, 14)
    check(p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, f"not justified: {p.text[:40]!r}")
    check(p.paragraph_format.first_line_indent == Mm(10) or
          abs(p.paragraph_format.first_line_indent - Mm(10)) <= Mm(0.1), f"indent of {p.text[:40]!r}")

# The tables: the figures of the CSV report, under Vietnamese headers.
with open(csv_path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
figures = rows[1:]
if kind == "oversight":
    # The document groups the figures as the report page does: inspection and supervision, discipline,
    # complaints; the CSV lists them by key.
    sections = ["oversight.", "discipline.", "complaints."]
    figures.sort(key=lambda row: next(i for i, p in enumerate(sections) if row[3].startswith(p)))
tables = document.tables[1:-1]
table_rows = [[c.text for c in row.cells] for t in tables for row in t.rows[1:]]
check(len(table_rows) == len(figures), f"{len(table_rows)} table rows against {len(figures)} CSV rows")
if kind == "evaluation":
    check(tables[0].rows[0].cells[0].text == "Đối tượng", "evaluation table header")
    # tong_so, duoc_danh_gia, xuat_sac, tot, hoan_thanh, khong_hoan_thanh, chua_danh_gia
    for cells, row in zip(table_rows, figures):
        got = [digits(c) for c in cells[1:8]]
        want = [row[4], row[5], row[8], row[9], row[10], row[11], row[6]]
        check(got == want, f"row {cells[0]!r}: {got} against CSV {want}")
else:
    check(tables[0].rows[0].cells[0].text == "Chỉ tiêu", f"{kind} table header")
    # so_lieu (ky_nay) and cung_ky, in the CSV's order
    for cells, row in zip(table_rows, figures):
        got = [digits(cells[1]), digits(cells[2])]
        want = [row[4], row[5]]
        check(got == want, f"row {cells[0]!r}: {got} against CSV {want}")
for t in tables:
    for run in runs_of(c.paragraphs[0] for c in t.rows[0].cells):
        # 12 pt, or 11 pt for a table of more than six columns (the evaluation's).
        check(run.font.bold and run.font.size in (Pt(11), Pt(12)), f"table header {run.text!r} not bold 11–12 pt")

# Recipients on the left, the signature block on the right.
recipients, signature = document.tables[-1].rows[0].cells
lines = [p for p in recipients.paragraphs if p.text.strip()]
check(lines[0].text == "Nơi nhận:", f"recipients heading {lines[0].text!r}")
styled(lines[0], 12, bold=True, italic=True)
for p in lines[1:]:
    styled(p, 11)
check(lines[-1].text.startswith("- Lưu"), f"last recipient {lines[-1].text!r}")
signs = [p for p in signature.paragraphs if p.text.strip()]
check(signs[0].text == "T/M BAN THƯỜNG VỤ", f"signature {signs[0].text!r}")
for p in signs:
    styled(p, 14, bold=True)

# Every run of text in the body is Times New Roman.
for run in runs_of(document.paragraphs):
    check(run.font.name == "Times New Roman", f"{run.text!r} in {run.font.name}")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("ok")
