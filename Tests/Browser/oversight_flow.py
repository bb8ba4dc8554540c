"""An inspection recorded and then corrected on the inspection commission's pages, in a real browser on a
phone-sized window (390 px wide): the commission's staffer records a thematic supervision of a member begun in
February on /kiem-tra-ky-luat, and the oversight report's first quarter counts one more lượt; on the supervision's
page a correction whose conclusion falls before its (corrected) start is refused beside the conclusion, with what
was typed kept; the correction moving its start to May is saved with its reason, shown in the history of changes,
and the report then counts the lượt in the second quarter instead of the first. Every form fits the window without
sideways scrolling.

Run by scripts/browser-test.sh:
  oversight_flow.py BASE STAFF PASSWORD SCOPE CARD YEAR ARTIFACTS
"""
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from flow_common import arrive, chromium, expect, fits, keep_failure, shot, sign_in

BASE = sys.argv[1]
STAFF, PASSWORD = sys.argv[2], sys.argv[3]
SCOPE = sys.argv[4]
CARD = sys.argv[5]
YEAR = int(sys.argv[6])
ARTIFACTS = sys.argv[7]
# The report's row for the kind, and the column of the inspection commissions' members in lượt (after the party
# committees' four columns: units in lượt, units, members in lượt, members).
KIND = "Giám sát chuyên đề"
COMMISSION_MEMBER_VISITS = 6


def visits(driver, quarter):
    """The commissions' thematic supervisions of members, in lượt, on the oversight report page for a quarter."""
    driver.get(f"{BASE}/bao-cao/kiem-tra?to-chuc={SCOPE}&ky={YEAR}-Q{quarter}")
    return driver.execute_script(
        """
        const row = [...document.querySelectorAll('table.kind-by-body tbody tr')]
          .find(r => r.querySelector('th').textContent.trim() === arguments[0]);
        if (!row) return 0;
        return parseInt(row.querySelectorAll('td')[arguments[1]].textContent.replace(/\\D/g, '') || '0', 10);
        """, KIND, COMMISSION_MEMBER_VISITS)


def main():
    driver = chromium(ARTIFACTS, phone=True)
    title = f"Giám sát việc học tập nghị quyết (thử {int(time.time())})"
    try:
        sign_in(driver, BASE, STAFF, PASSWORD)
        first, second = visits(driver, 1), visits(driver, 2)

        # 1. The records page offers the form; the supervision is recorded as begun in February.
        driver.get(f"{BASE}/kiem-tra-ky-luat?to-chuc={SCOPE}&ky={YEAR}")
        driver.find_element(By.LINK_TEXT, "Ghi cuộc kiểm tra, giám sát").click()
        arrive(driver, "/kiem-tra/moi", "the inspection's form")
        fits(driver, "the inspection's form")
        Select(driver.find_element(By.ID, "kind")).select_by_value("supervision.thematic")
        Select(driver.find_element(By.ID, "organ")).select_by_value("inspectionCommission")
        expect(driver.find_element(By.ID, "bodyCode").get_attribute("value") == SCOPE, "the body is not the scope")
        driver.find_element(By.ID, "title").send_keys(title)
        driver.find_element(By.ID, "started").send_keys(f"15/02/{YEAR}")
        driver.find_element(By.ID, "memberSubjects").send_keys(CARD)
        shot(driver, "o1-ghi-giam-sat-390")
        driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: "/kiem-tra/moi" not in d.current_url and "/kiem-tra-ky-luat" in
                                        d.current_url, message="the supervision was not recorded")
        expect(visits(driver, 1) == first + 1, "the first quarter does not count the new supervision")

        # 2. Its page, from its title on the records page.
        driver.get(f"{BASE}/kiem-tra-ky-luat?to-chuc={SCOPE}&ky={YEAR}")
        driver.find_element(By.LINK_TEXT, title).click()
        arrive(driver, "/kiem-tra-ky-luat/kiem-tra/", "the supervision's page")
        page = driver.current_url
        fits(driver, "the supervision's page with its correction form")
        expect(driver.find_element(By.ID, "f-memberSubjects").get_attribute("value").strip() == CARD,
               "the correction form does not start from the supervision as it stands")

        # 3. Begun in May, but concluded in January: refused beside the conclusion, what was typed kept.
        started = driver.find_element(By.ID, "f-started")
        started.clear()
        started.send_keys(f"15/05/{YEAR}")
        driver.find_element(By.ID, "f-concluded").send_keys(f"10/01/{YEAR}")
        driver.find_element(By.ID, "f-reason").send_keys("Ghi nhầm tháng bắt đầu")
        driver.find_element(By.CSS_SELECTOR, "form#sua button[type=submit]").click()
        arrive(driver, "/sua", "the refused correction")
        error = driver.find_element(By.ID, "e-concluded").text
        expect("trước ngày bắt đầu" in error, f"the refusal is not beside the conclusion: {error!r}")
        expect(driver.find_element(By.ID, "f-started").get_attribute("value") == f"15/05/{YEAR}", "the start was lost")
        expect("Ghi nhầm tháng bắt đầu" in driver.find_element(By.ID, "f-reason").get_attribute("value"),
               "the reason was lost")
        fits(driver, "the refused correction")
        shot(driver, "o2-sua-bi-tu-choi-390")

        # 4. Without the conclusion it is saved, and the history of changes shows it.
        driver.find_element(By.ID, "f-concluded").clear()
        driver.find_element(By.CSS_SELECTOR, "form#sua button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.current_url == page, message="the correction was not saved")
        expect("Ghi nhầm tháng bắt đầu" in driver.page_source and f"bắt đầu 15/02/{YEAR}" in driver.page_source,
               "the history of changes does not show the correction")
        fits(driver, "the corrected supervision's page")
        shot(driver, "o3-da-sua-390")

        # 5. The report moves the lượt from the first quarter to the second.
        expect(visits(driver, 1) == first, "the first quarter still counts the corrected supervision")
        after = visits(driver, 2)
        expect(after == second + 1, f"the second quarter went from {second} to {after}, not one more")
        shot(driver, "o4-bao-cao-quy-2")
        print(f"Trình duyệt: UBKT ghi cuộc giám sát chuyên đề rồi sửa ngày bắt đầu; báo cáo quý II năm {YEAR} đếm "
              f"{after} lượt đảng viên (trước {second}); các biểu mẫu vừa màn hình 390 px.")
    except Exception:
        keep_failure(driver, "o-loi")
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
