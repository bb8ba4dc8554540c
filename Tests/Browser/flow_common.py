"""What every browser flow shares: Chromium started headless, screenshots kept in the artifacts folder, checks,
waiting for a navigation, signing in, and the phone check (nothing to scroll sideways at 390 px)."""
import os

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PHONE_WIDTH = 390
_artifacts = "."


def chromium(artifacts, phone=False):
    """A headless Chromium; with `phone`, a 390 px phone screen for the whole flow."""
    global _artifacts
    _artifacts = artifacts
    os.makedirs(artifacts, exist_ok=True)
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    size = f"{PHONE_WIDTH},1400" if phone else "1280,1600"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={size}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(
        service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(5)
    if phone:
        as_phone(driver)
    return driver


def as_phone(driver):
    # Headless Chromium keeps windows at least 500 px wide: a phone's screen is emulated instead, as the
    # browser's device toolbar does (the page's viewport tag then applies as on a phone).
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE_WIDTH, "height": 1400, "deviceScaleFactor": 1, "mobile": True})


def shot(driver, step):
    path = os.path.join(_artifacts, f"{step}.png")
    driver.save_screenshot(path)
    print(f"  ảnh chụp: {path}")


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def arrive(driver, fragment, what):
    """Waits for the navigation a click or a submit started: the check must see the new page, not the old."""
    WebDriverWait(driver, 15).until(lambda d: fragment in d.current_url, message=f"{what}: still at {driver.current_url}")


def fits(driver, what):
    """The page is no wider than the window: nothing to scroll sideways to on a phone."""
    inner, scroll = driver.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth]")
    expect(inner <= PHONE_WIDTH + 20, f"the window is {inner} px wide, not a phone's")
    expect(scroll <= inner, f"{what}: {scroll} px of content in a {inner} px window (sideways scroll)")


def fits_a_phone(driver, what):
    """For a flow on a desktop window: the page again on a 390 px phone, checked and photographed, then back."""
    as_phone(driver)
    try:
        shot(driver, f"{what}-390px")
        fits(driver, what)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def sign_in(driver, base, login, password):
    driver.get(base + "/dang-nhap")
    driver.find_element(By.ID, "login").send_keys(login)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "/dang-nhap" not in d.current_url, message="still on sign-in")


def keep_failure(driver, name):
    """What the page looked like when a check failed: a screenshot and its HTML, beside the other artifacts."""
    shot(driver, name)
    with open(os.path.join(_artifacts, f"{name}.html"), "w") as page:
        page.write(driver.page_source)
