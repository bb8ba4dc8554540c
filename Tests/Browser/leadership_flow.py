"""A leading post recorded on a page, then graded, in a real browser on a phone-sized window (390 px wide): the
organisation board's staffer records "Bí thư" of a cell for a member on the member's page (a refused end day shows
beside its field first, with what was typed kept; then, while the demo's secretary still holds the post, the new
one is refused beside the start day and the staffer records the day the old one stopped), the cell's leadership grading page then lists the member as a
cadre, the staffer grades them, and the evaluation report's cadre line counts one more; then the cell's committee is
recorded on the cell's page with the member in it. Every form on the way must fit the window without sideways
scrolling.

Run by scripts/browser-test.sh:
  leadership_flow.py BASE STAFF PASSWORD CELL MEMBER_ID ARTIFACTS
"""
import json
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from flow_common import arrive, chromium, expect, fits, keep_failure, shot, sign_in

BASE = sys.argv[1]
STAFF, PASSWORD = sys.argv[2], sys.argv[3]
CELL = sys.argv[4]
MEMBER = sys.argv[5]
ARTIFACTS = sys.argv[6]
YEAR = 2023


def end_the_sitting_secretary(driver):
    """From the cell's page to the secretary's page, where the day their post ended is recorded (the new term)."""
    driver.get(f"{BASE}/to-chuc/{CELL}")
    holders = [row for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
               if row.find_elements(By.CSS_SELECTOR, "td") and
               row.find_elements(By.CSS_SELECTOR, "td")[0].text.startswith("Bí thư")]
    expect(holders, "the cell's page shows no secretary holding the post")
    holders[0].find_element(By.CSS_SELECTOR, "a[href^='/dang-vien/']").click()
    arrive(driver, "/dang-vien/", "the sitting secretary's page")
    rows = [row for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
            if row.find_elements(By.CSS_SELECTOR, f"a[href='/to-chuc/{CELL}']")
            and row.find_elements(By.LINK_TEXT, "Ghi ngày thôi giữ")]
    expect(rows, "the sitting secretary's page offers no end to their post")
    rows[0].find_element(By.LINK_TEXT, "Ghi ngày thôi giữ").click()
    arrive(driver, "/thoi-giu", "the form ending a post")
    fits(driver, "the form ending a post")
    until = driver.find_element(By.ID, "f-until")
    until.clear()
    until.send_keys(f"01/01/{YEAR}")
    driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "/thoi-giu" not in d.current_url, message="the post was not ended")


def cadres_counted(driver):
    """The cell's cadre line of the year's evaluation report, as the JSON API gives it to the signed-in staffer."""
    driver.get(f"{BASE}/api/reports/evaluation?year={YEAR}&org={CELL}")
    report = json.loads(driver.find_element(By.TAG_NAME, "body").text)
    return report["leadershipCadres"]["total"]


def main():
    driver = chromium(ARTIFACTS, phone=True)
    try:
        sign_in(driver, BASE, STAFF, PASSWORD)
        before = cadres_counted(driver)

        # 1. The member's page offers the post; its form fits a phone.
        member_url = f"{BASE}/dang-vien/{MEMBER}"
        driver.get(member_url)
        name = driver.find_element(By.TAG_NAME, "h1").text
        fits(driver, "the member's page")
        driver.find_element(By.LINK_TEXT, "Ghi chức vụ").click()
        arrive(driver, "/chuc-vu", "the post's form")
        fits(driver, "the post's form")
        expect(driver.find_element(By.ID, "f-unit").get_attribute("value") == CELL,
               "the form does not start with the member's cell")
        Select(driver.find_element(By.ID, "f-kind")).select_by_value("secretary")
        start = driver.find_element(By.ID, "f-from")
        start.clear()
        start.send_keys(f"01/01/{YEAR}")
        # An end before the start: refused beside the end, nothing written, what was typed kept.
        driver.find_element(By.ID, "f-until").send_keys(f"01/01/{YEAR - 1}")
        driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        error = driver.find_element(By.ID, "e-until").text
        expect("phải sau ngày bắt đầu" in error, f"the refusal is not beside the end day: {error!r}")
        expect(driver.find_element(By.ID, "f-from").get_attribute("value") == f"01/01/{YEAR}", "the start was lost")
        fits(driver, "the refused post's form")
        shot(driver, "l1-chuc-vu-tu-choi-390")
        driver.find_element(By.ID, "f-until").clear()
        driver.find_element(By.ID, "f-note").send_keys("Nghị quyết Đại hội chi bộ")
        driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        # A cell has one secretary at a time: the demo's secretary still holds the post, so the new one is refused
        # beside the start day until the staffer records the day the old one stopped.
        if driver.current_url != member_url:
            held = driver.find_element(By.ID, "e-from").text
            expect("đang giữ chức vụ Bí thư" in held, f"an unexpected refusal: {held!r}")
            shot(driver, "l1b-bi-thu-dang-giu-390")
            end_the_sitting_secretary(driver)
            driver.get(member_url)
            driver.find_element(By.LINK_TEXT, "Ghi chức vụ").click()
            Select(driver.find_element(By.ID, "f-kind")).select_by_value("secretary")
            start = driver.find_element(By.ID, "f-from")
            start.clear()
            start.send_keys(f"01/01/{YEAR}")
            driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.current_url == member_url, message="not back on the member's page")
        expect("<td>Bí thư</td>" in driver.page_source, "the post is not on the member's page")
        shot(driver, "l2-da-ghi-chuc-vu")

        # 2. The cell's leadership grading lists the member as a cadre; grade them.
        driver.get(f"{BASE}/to-chuc/{CELL}/xep-loai-lanh-dao?nam={YEAR}")
        fits(driver, "the leadership grading page")
        row = driver.find_element(By.ID, f"f-cadre-{MEMBER}")
        Select(row).select_by_value("good")
        shot(driver, "l3-xep-loai-can-bo-390")
        driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        arrive(driver, "da-luu=1", "saving the cadre's grade")
        expect("Đã lưu kết quả xếp loại" in driver.page_source, "no saved notice")
        field = driver.find_element(By.ID, f"f-cadre-{MEMBER}").find_element(By.XPATH, "..")
        expect("Đã lưu:" in field.text, f"the cadre's row shows no saved grade: {field.text!r}")
        shot(driver, "l4-da-xep-loai")

        # 3. The evaluation report counts the new cadre.
        after = cadres_counted(driver)
        expect(after == before + 1, f"the report's cadres went from {before} to {after}, not one more")

        # 4. The cell's page shows the post; its committee (chi ủy) is recorded there with the member in it.
        unit_url = f"{BASE}/to-chuc/{CELL}"
        driver.get(unit_url)
        expect(name in driver.page_source and "<td>Bí thư</td>" in driver.page_source, "the post is not on the cell's page")
        fits(driver, "the cell's page with its leadership")
        driver.find_element(By.LINK_TEXT, "Ghi chức vụ").click()
        arrive(driver, f"/to-chuc/{CELL}/chuc-vu", "the cell's post form")
        fits(driver, "the cell's post form")
        driver.get(unit_url)
        driver.find_element(By.LINK_TEXT, "Ghi tập thể lãnh đạo").click()
        arrive(driver, "/tap-the", "the collective's form")
        fits(driver, "the collective's form")
        driver.find_element(By.ID, "f-name").send_keys("Chi ủy nhiệm kỳ 2020-2025")
        Select(driver.find_element(By.ID, "f-kind")).select_by_value("committee")
        driver.find_element(By.ID, "f-from").send_keys("01/10/2020")
        driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.current_url == unit_url, message="not back on the cell's page")
        driver.find_element(By.LINK_TEXT, "Ghi thành viên").click()
        arrive(driver, "/thanh-vien", "the seat's form")
        fits(driver, "the seat's form")
        driver.find_element(By.ID, "f-member").send_keys(f"#{MEMBER}")
        start = driver.find_element(By.ID, "f-from")
        start.clear()
        start.send_keys(f"01/01/{YEAR}")
        shot(driver, "l5-thanh-vien-tap-the-390")
        driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.current_url == unit_url, message="the seat was not recorded")
        collectives = driver.find_element(By.CSS_SELECTOR, "ul.collectives").text
        expect("Chi ủy nhiệm kỳ 2020-2025" in collectives and name in collectives,
               f"the committee and its member are not on the cell's page: {collectives!r}")
        fits(driver, "the cell's page with its committee")
        shot(driver, "l6-tap-the-lanh-dao")
        print(f"Trình duyệt: Ban Tổ chức ghi chức vụ Bí thư cho {name}, xếp loại cán bộ; báo cáo đếm thêm 1 cán bộ; "
              "các biểu mẫu vừa màn hình 390 px.")
    except Exception:
        keep_failure(driver, "l-loi")
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
