"""The grading workflow by level in a real browser on a phone-sized window (390 px wide): a commune's secretary
submits the commune's grades of the year on its progress page; the district's organisation staffer sees the
submission on the district's progress page, tries to send it back without a reason (refused beside the reason
field, nothing written), then approves it; the district's evaluation report, which says how many of its grades are
approved, counts the commune's grades as approved. Every page on the way must fit the window without sideways
scrolling.

Run by scripts/browser-test.sh:
  grading_workflow_flow.py BASE SECRETARY PASSWORD STAFF PASSWORD DISTRICT COMMUNE YEAR ARTIFACTS
"""
import re
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from flow_common import arrive, chromium, expect, fits, shot, sign_in

BASE = sys.argv[1]
SECRETARY, SECRETARY_PASSWORD = sys.argv[2], sys.argv[3]
STAFF, STAFF_PASSWORD = sys.argv[4], sys.argv[5]
DISTRICT, COMMUNE = sys.argv[6], sys.argv[7]
YEAR = sys.argv[8]
ARTIFACTS = sys.argv[9]


def approved_in_report(driver, what):
    """The district report's line on approvals: approved/total."""
    driver.get(f"{BASE}/bao-cao/danh-gia?nam={YEAR}&to-chuc={DISTRICT}")
    line = driver.find_element(By.ID, "duyet").text
    match = re.search(r"duyệt: ([\d.]+)/([\d.]+)", line)
    expect(match, f"{what}: the report says nothing of approvals: {line!r}")
    return int(match.group(1).replace(".", "")), int(match.group(2).replace(".", ""))


def counts_on(driver):
    text = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    match = re.search(r"([\d.]+) nháp · ([\d.]+) đã trình · ([\d.]+) đã duyệt", text)
    expect(match, f"no counts on the progress page: {text!r}")
    return tuple(int(g.replace(".", "")) for g in match.groups())


def secretary_submits():
    driver = chromium(ARTIFACTS, phone=True)
    try:
        sign_in(driver, BASE, SECRETARY, SECRETARY_PASSWORD)
        driver.get(f"{BASE}/to-chuc/{COMMUNE}/tien-do-xep-loai?nam={YEAR}")
        fits(driver, "the commune's progress page")
        drafts, _, _ = counts_on(driver)
        expect(drafts > 0, "the commune has no draft grades to submit")
        expect(not driver.find_elements(By.CSS_SELECTOR, "form.step-approve"),
               "the commune's own page offers it the approval of its own grades")
        shot(driver, "workflow-1-commune-before-submit")
        driver.find_element(By.CSS_SELECTOR, "form.step-submit button").click()
        arrive(driver, "da=submit", "the page after submitting")
        expect(driver.find_element(By.ID, "trang-thai").text == "đã trình", "the commune's grades are not submitted")
        fits(driver, "the commune's page after submitting")
        shot(driver, "workflow-2-commune-submitted")
        return drafts
    finally:
        driver.quit()


def district_approves(submitted):
    driver = chromium(ARTIFACTS, phone=True)
    try:
        sign_in(driver, BASE, STAFF, STAFF_PASSWORD)
        approved_before, total = approved_in_report(driver, "before the approval")
        driver.get(f"{BASE}/to-chuc/{DISTRICT}/tien-do-xep-loai?nam={YEAR}")
        fits(driver, "the district's progress page")
        row = driver.find_element(By.ID, f"dv-{COMMUNE}")
        expect("đã trình" in row.text, f"the district does not see the commune's submission: {row.text!r}")
        shot(driver, "workflow-3-district-progress")
        row.find_element(By.CSS_SELECTOR, "a").click()
        arrive(driver, f"/to-chuc/{COMMUNE}/tien-do-xep-loai", "the commune's progress page")
        # A send-back without a reason is refused beside the reason field, and nothing is written.
        driver.find_element(By.CSS_SELECTOR, "form.step-sendBack button").click()
        error = WebDriverWait(driver, 15).until(
            lambda d: d.find_elements(By.ID, "e-reason-sendBack"), message="no refusal beside the reason")[0]
        expect("lý do" in error.text, f"the refusal does not ask for a reason: {error.text!r}")
        expect(counts_on(driver)[1] == submitted, "a refused send-back changed the commune's grades")
        fits(driver, "the refused send-back")
        shot(driver, "workflow-4-send-back-refused")
        driver.find_element(By.CSS_SELECTOR, "form.step-approve button").click()
        arrive(driver, "da=approve", "the page after approving")
        expect(driver.find_element(By.ID, "trang-thai").text == "đã duyệt", "the commune's grades are not approved")
        fits(driver, "the commune's page after approving")
        shot(driver, "workflow-5-approved")
        approved_after, total_after = approved_in_report(driver, "after the approval")
        expect(total_after == total, f"the report's total moved from {total} to {total_after}")
        expect(approved_after == approved_before + submitted,
               f"the report counts {approved_after} approved, not {approved_before} + {submitted}")
        fits(driver, "the district's report")
        shot(driver, "workflow-6-report")
        print(f"  báo cáo {DISTRICT}: đã duyệt {approved_before}/{total} → {approved_after}/{total_after}")
    finally:
        driver.quit()


if __name__ == "__main__":
    submitted = secretary_submits()
    district_approves(submitted)
    print("grading workflow flow: OK")
