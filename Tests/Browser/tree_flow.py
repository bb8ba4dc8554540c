"""Changing the tree in a real browser (headless Chromium, Selenium), as a province's organisation staff do: on a
cell's change page a rename with a date that is not a date is refused beside the field, keeping what was typed;
with a real date the page shows what will change, nothing written until it is confirmed; confirmed, the cell's
page shows the new name and the old one in its history. The pages are looked at 390 pixels wide (a phone), where
nothing may scroll sideways.

Run by scripts/browser-test.sh with the server's address, the staff login and password, the artifacts folder and
a cell code of the demo province.
"""
import datetime
import sys

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from flow_common import chromium, expect, fits_a_phone, keep_failure, sign_in

BASE, LOGIN, PASSWORD, ARTIFACTS, CELL = sys.argv[1:6]
NEW_NAME = "Chi bộ đổi tên thử trên trình duyệt"


def rename(driver, date):
    """Types the new name and `date` into the rename form and sends it; once more if the page was still being
    replaced when the fields were found (seen once in four runs)."""
    try:
        fill_rename(driver, date)
    except StaleElementReferenceException:
        fill_rename(driver, date)


def fill_rename(driver, date):
    name = driver.find_element(By.ID, "doi-ten-name")
    name.clear()
    name.send_keys(NEW_NAME)
    field = driver.find_element(By.ID, "doi-ten-date")
    field.clear()
    field.send_keys(date)
    driver.find_element(By.CSS_SELECTOR, "#doi-ten button[type=submit]").click()


def main():
    driver = chromium(ARTIFACTS)
    try:
        sign_in(driver, BASE, LOGIN, PASSWORD)

        # 1. The cell's page offers the change page to a province's staff; both fit a phone.
        driver.get(f"{BASE}/to-chuc/{CELL}")
        driver.find_element(By.CSS_SELECTOR, f"a[href='/to-chuc/{CELL}/thay-doi']").click()
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "doi-ten"), message="no change page")
        fits_a_phone(driver, "thay-doi")

        # 2. A date that is not a date: refused beside the field, what was typed kept.
        rename(driver, "32/13/2025")
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "e-doi-ten-date"), message="no refusal")
        expect(
            driver.find_element(By.ID, "doi-ten-name").get_attribute("value") == NEW_NAME,
            "the refused rename did not keep the name typed")
        fits_a_phone(driver, "doi-ten-loi")

        # 3. Today's date: the preview says what will change; nothing is written yet.
        today = datetime.date.today().strftime("%d/%m/%Y")
        rename(driver, today)
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "xem-truoc"), message="no preview")
        summary = driver.find_element(By.CSS_SELECTOR, "#xem-truoc .summary").text
        expect(f"thành “{NEW_NAME}” từ ngày {today}" in summary, f"the preview says: {summary}")
        fits_a_phone(driver, "xem-truoc")
        driver.get(f"{BASE}/to-chuc/{CELL}")
        expect(NEW_NAME not in driver.page_source, "the preview wrote the new name")

        # 4. Previewed again and confirmed: the cell's page carries the new name and keeps the old one in its history.
        driver.get(f"{BASE}/to-chuc/{CELL}/thay-doi")
        rename(driver, today)
        WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "xem-truoc"), message="no second preview")
        driver.find_element(By.CSS_SELECTOR, "#xem-truoc button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.current_url.endswith(f"/to-chuc/{CELL}"), message="not confirmed")
        expect(f"<h1>{NEW_NAME}</h1>" in driver.page_source, "the cell's page does not show its new name")
        expect("Lịch sử tên gọi" in driver.page_source, "the cell's page has no history of names")
        fits_a_phone(driver, "sau-doi-ten")
        print("Trình duyệt: đổi tên chi bộ bị từ chối vì ngày sai, xem trước, xác nhận, trang chi bộ hiện tên mới và tên cũ đều chạy.")
    except Exception:
        keep_failure(driver, "c-loi")
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
