"""Uploading a members workbook in a real browser (headless Chromium, Selenium), as the organisation board's staff
do: a workbook with two bad rows is checked and both rows are shown with their cells, nothing written; the fixed
workbook is checked again, confirmed, written in the background with its progress page, and the new members are
found by search. The upload pages are also looked at 390 pixels wide (a phone), where nothing may scroll sideways.

Run by scripts/browser-test.sh with the server's address, the staff login and password, the artifacts folder and
a cell code of the demo province. The workbooks are written here with openpyxl, as another program would.
"""
import os
import sys
import tempfile

from openpyxl import Workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from flow_common import chromium, expect, fits_a_phone, keep_failure, shot, sign_in

BASE, LOGIN, PASSWORD, ARTIFACTS, CELL = sys.argv[1:6]
HEADER = ["so_the", "ho_ten", "gioi_tinh", "ngay_sinh", "so_cccd", "ma_chi_bo", "ngay_ket_nap", "ngay_chinh_thuc"]
NAMES = ["Hà Thị Tải Lên", "Quách Văn Nhập Tệp", "Mạc Thị Bảng Tính"]


def workbook(path, birth_of_second, gender_of_third):
    """Three members; the second's birth date and the third's gender are as given (bad ones make two bad rows)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Đảng viên"
    sheet.append(HEADER)
    rows = [
        ["99100001", NAMES[0], "Nữ", "12/04/1988", "091088000123", CELL, "03/02/2015", "03/02/2016"],
        ["99100002", NAMES[1], "Nam", birth_of_second, "", CELL, "19/05/2018", ""],
        ["99100003", NAMES[2], gender_of_third, "01/09/1992", "", CELL, "02/09/2019", ""],
    ]
    for row in rows:
        sheet.append(row)
    # Codes and IDs as text, as the template keeps them: a number would lose its leading zeros.
    for column in ("A", "E", "F"):
        for cell in sheet[column]:
            cell.number_format = "@"
    book.save(path)


def upload(driver, path):
    driver.get(BASE + "/nhap-tep")
    Select(driver.find_element(By.ID, "loai")).select_by_value("members")
    driver.find_element(By.ID, "tep").send_keys(path)
    driver.find_element(By.CSS_SELECTOR, "main form.stacked button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "xem-truoc"), message="no preview")


def main():
    folder = tempfile.mkdtemp()
    bad, good = os.path.join(folder, "dang-vien-loi.xlsx"), os.path.join(folder, "dang-vien.xlsx")
    workbook(bad, "31/02/1990", "Không rõ")
    workbook(good, "28/02/1990", "Nữ")
    driver = chromium(ARTIFACTS)
    try:
        sign_in(driver, BASE, LOGIN, PASSWORD)

        # 1. The upload form, on a phone too.
        driver.get(BASE + "/nhap-tep")
        fits_a_phone(driver, "mau-tai-len")

        # 2. Two bad rows: both shown at their cells, no confirmation, nothing written.
        upload(driver, bad)
        problems = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#loi tbody tr")]
        shot(driver, "u-1-hai-dong-loi")
        expect(len(problems) == 2, f"expected the two bad rows, got {problems}")
        expect(any("D3" in p and "ngay_sinh" in p for p in problems), f"the bad birth date is not at D3: {problems}")
        expect(any("C4" in p and "gioi_tinh" in p for p in problems), f"the bad gender is not at C4: {problems}")
        expect(not driver.find_elements(By.NAME, "sha256"), "a refused file offers a confirmation")
        fits_a_phone(driver, "xem-truoc-loi")

        # 3. The fixed workbook: valid, previewed, confirmed; the progress page ends with what was written.
        upload(driver, good)
        expect("Tệp hợp lệ: 3 đảng viên" in driver.page_source, "the fixed workbook is not accepted")
        expect(NAMES[1] in driver.find_element(By.ID, "xem-truoc").text, "the preview does not show the rows")
        shot(driver, "u-2-hop-le")
        driver.find_element(By.CSS_SELECTOR, "input[name=sha256] ~ button[type=submit]").click()
        WebDriverWait(driver, 60).until(
            lambda d: d.find_elements(By.ID, "ket-qua"), message="the import did not finish")
        result = driver.find_element(By.ID, "ket-qua").text
        shot(driver, "u-3-da-nhap")
        expect("Đã nhập 3 đảng viên" in result, f"not written: {result}")

        # 4. The new members are in the register.
        driver.get(BASE + "/tim-kiem?q=quach+van+nhap+tep")
        expect(NAMES[1] in driver.page_source, "the imported member is not found by search")
        shot(driver, "u-4-tim-thay")

        # 5. The same staff set the province's admission plan on the targets page: a word where a number goes is
        # refused beside the field and kept; the number is saved and shown against what was admitted so far.
        driver.get(BASE + "/chi-tieu")
        fits_a_phone(driver, "chi-tieu")
        planned = driver.find_element(By.ID, "f-plan-planned")
        planned.send_keys("nhiều")
        driver.find_element(By.CSS_SELECTOR, "#ke-hoach button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "e-plan-planned"), message="no refusal")
        expect(
            driver.find_element(By.ID, "f-plan-planned").get_attribute("value") == "nhiều",
            "the refused plan did not keep what was typed")
        shot(driver, "u-5-ke-hoach-loi")
        planned = driver.find_element(By.ID, "f-plan-planned")
        planned.clear()
        planned.send_keys("1.700")
        driver.find_element(By.CSS_SELECTOR, "#ke-hoach button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: "nam=" in d.current_url, message="the plan was not saved")
        expect("<td class=\"num\">1.700</td>" in driver.page_source, "the saved plan is not in the table")
        shot(driver, "u-6-ke-hoach")
        print("Trình duyệt: tải tệp Excel có hai dòng lỗi, sửa, tải lại, xác nhận, thấy đảng viên mới, đặt kế hoạch kết nạp đều chạy.")
    except Exception:
        keep_failure(driver, "u-loi")
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
