"""A two-step transfer in a real browser, on a phone-sized window (390 px wide): the cell's secretary issues
a transfer letter from a member's page, the receiving cell's secretary sees the letter addressed to their cell
and receives it. Every form on the way must fit the window without sideways scrolling.

Run by scripts/browser-test.sh after browser_flow.py:
  transfer_flow.py BASE SENDER PASSWORD RECEIVER PASSWORD DESTINATION_CELL ARTIFACTS
"""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from flow_common import arrive, chromium, expect, fits, keep_failure, shot, sign_in

BASE = sys.argv[1]
SENDER, SENDER_PASSWORD = sys.argv[2], sys.argv[3]
RECEIVER, RECEIVER_PASSWORD = sys.argv[4], sys.argv[5]
DESTINATION = sys.argv[6]
ARTIFACTS = sys.argv[7]


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, "form.account button[type=submit]").click()
    arrive(driver, "/dang-nhap", "signing out")


def main():
    driver = chromium(ARTIFACTS, phone=True)
    try:
        # 1. The sending cell's secretary opens their cell and a member of it.
        sign_in(driver, BASE, SENDER, SENDER_PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "ul.tree a").click()
        arrive(driver, "/to-chuc/", "the cell's page")
        code = driver.current_url.rstrip("/").split("/to-chuc/")[1].split("?")[0]
        expect(code != DESTINATION, "the destination is the sender's own cell")

        # The admission form of the cell fits a phone too.
        driver.get(f"{BASE}/to-chuc/{code}/ket-nap")
        expect(driver.find_elements(By.CSS_SELECTOR, "datalist#nguoi-gioi-thieu option"), "no sponsor to pick")
        fits(driver, "the admission form")
        shot(driver, "t1-ket-nap-390")

        driver.get(f"{BASE}/to-chuc/{code}")
        # A member with nothing noted (not exempt, not already in transit).
        rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
        free = [r for r in rows if not r.find_elements(By.CSS_SELECTOR, "td")[-1].text.strip()]
        expect(free, "the cell has no member free to transfer")
        member = free[0].find_element(By.CSS_SELECTOR, "a[href^='/dang-vien/']")
        name = member.text
        member.click()
        arrive(driver, "/dang-vien/", "the member's page")
        member_url = driver.current_url
        fits(driver, "the member's page")

        # 2. Issue the letter: the form on a phone, then the member shows as in transit with the deadline.
        driver.find_element(By.PARTIAL_LINK_TEXT, "cấp giấy giới thiệu").click()
        arrive(driver, "/su-kien/chuyen-sinh-hoat", "the letter's form")
        fits(driver, "the transfer letter's form")
        driver.find_element(By.ID, "f-cell").send_keys(DESTINATION)
        driver.find_element(By.ID, "f-number").send_keys("15-GGT/ĐU")
        shot(driver, "t2-giay-gioi-thieu-390")
        driver.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.current_url == member_url, message="not back on the member's page")
        expect("đang chuyển sinh hoạt đảng" in driver.page_source, "the member is not shown in transit")
        expect("hạn tiếp nhận" in driver.page_source, "the letter's deadline is not shown")
        shot(driver, "t3-dang-chuyen")
        sign_out(driver)

        # 3. The receiving cell's secretary sees the letter addressed to their cell and receives it.
        sign_in(driver, BASE, RECEIVER, RECEIVER_PASSWORD)
        driver.get(BASE + "/chuyen-sinh-hoat")
        letters = driver.find_elements(By.CSS_SELECTOR, "ul.letters > li")
        mine = [li for li in letters if name in li.text and "15-GGT/ĐU" in li.text]
        expect(mine, f"the letter for {name} is not on the receiving side's page")
        fits(driver, "the transfers page")
        shot(driver, "t4-cho-tiep-nhan-390")
        mine[0].find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        arrive(driver, "/chuyen-sinh-hoat", "receiving")
        expect(not any(name in li.text and "15-GGT/ĐU" in li.text
                       for li in driver.find_elements(By.CSS_SELECTOR, "ul.letters > li")),
               "the letter is still waiting after it was received")
        # The member is now the receiving cell's: their page opens for its secretary.
        driver.get(member_url)
        expect(name in driver.find_element(By.TAG_NAME, "h1").text, "the received member's page does not open")
        expect(DESTINATION in driver.page_source, "the member's page does not show the receiving cell")
        shot(driver, "t5-da-tiep-nhan")
        print("Trình duyệt: bí thư chi bộ cấp giấy giới thiệu, chi bộ nơi đến tiếp nhận; các biểu mẫu vừa màn hình 390 px.")
    except Exception:
        keep_failure(driver, "t-loi")
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
