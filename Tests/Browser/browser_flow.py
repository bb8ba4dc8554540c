"""A person's day in a real browser (Debian's headless Chromium, driven by Selenium):
sign in, search a member, grade a whole cell, open the evaluation report.

Run by scripts/browser-test.sh, which builds a small demo database and starts `dangvu serve --demo`.
Screenshots of every step are kept in the artifacts folder, so a failure can be looked at.
"""
import sys
import unicodedata

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from flow_common import arrive, chromium, expect, keep_failure, shot

BASE = sys.argv[1]
LOGIN, PASSWORD = sys.argv[2], sys.argv[3]
ARTIFACTS = sys.argv[4]
YEAR = "2023"


def fold(text):
    """The name without tone marks and with đ as d, as a person types it on a phone."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def main():
    driver = chromium(ARTIFACTS)
    try:
        # 1. The anonymous are sent to sign in; the form brings them back.
        driver.get(BASE + "/")
        expect("/dang-nhap" in driver.current_url, f"not sent to sign in: {driver.current_url}")
        driver.find_element(By.ID, "login").send_keys(LOGIN)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        shot(driver, "1-dang-nhap")
        driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: "/dang-nhap" not in d.current_url, message="still on sign-in")
        expect("Đăng xuất" in driver.page_source, "not signed in")
        shot(driver, "2-trang-chu")

        # 2. The home page of a secretary is their cell; its page lists the members.
        driver.find_element(By.CSS_SELECTOR, "ul.tree a").click()
        arrive(driver, "/to-chuc/", "the cell's page")
        cell_url = driver.current_url
        names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "table a[href^='/dang-vien/']")]
        expect(names, "the cell page lists no members")
        name = names[0]
        shot(driver, "3-chi-bo")

        # 3. Search the member by the last two words of the name, typed without tone marks.
        query = " ".join(fold(name).lower().split()[-2:])
        box = driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
        box.clear()
        box.send_keys(query)
        box.submit()
        arrive(driver, "/tim-kiem", "the search")
        expect(name in driver.page_source, f"search for {query!r} did not find {name}")
        shot(driver, "4-tim-kiem")
        driver.find_element(By.LINK_TEXT, name).click()
        arrive(driver, "/dang-vien/", "the member's page")
        expect(name in driver.find_element(By.TAG_NAME, "h1").text, "the member's page has another name")
        shot(driver, "5-dang-vien")

        # 4. Grade the whole cell on one page: everyone "good", then save.
        code = cell_url.rstrip("/").split("/to-chuc/")[1].split("?")[0]
        driver.get(f"{BASE}/to-chuc/{code}/xep-loai?nam={YEAR}")
        selects = driver.find_elements(By.CSS_SELECTOR, "select")
        expect(selects, "the grading page has no grade fields")
        for select in selects:
            choice = Select(select)
            values = [o.get_attribute("value") for o in choice.options]
            if "good" in values:
                choice.select_by_value("good")
        shot(driver, "6-xep-loai")
        driver.find_element(By.CSS_SELECTOR, "main form[method=post] button[type=submit]").click()
        # Saved grades come back on the same page with da-luu=1 (post, then redirect, then get).
        arrive(driver, "da-luu=1", "saving the grades")
        shot(driver, "7-da-luu")

        # 5. The evaluation report of the cell for that year, with its chart.
        driver.get(f"{BASE}/bao-cao/danh-gia?nam={YEAR}&to-chuc={code}")
        expect("<svg" in driver.page_source, "the report has no chart")
        expect("đảng viên" in driver.page_source, "the report shows no member figures")
        shot(driver, "8-bao-cao")
        print("Trình duyệt: đăng nhập, tìm kiếm, xếp loại chi bộ và báo cáo đánh giá đều chạy.")
    except Exception:
        keep_failure(driver, "loi")
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
