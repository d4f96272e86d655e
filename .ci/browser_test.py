"""End-to-end test in headless Chromium on the demo data: a reporter files a report, an officer
finds it in the inbox, opens it, replies, refers it, links it to a premises from the demo
register and opens that premises' page, the reporter reads the reply with the receipt code, and
the officer screens a corpus licence application and gets the deadline and the draft letter,
then opens the driver check and one flagged driver, links the report to that driver and to a
vehicle, and opens the ranked hotel list and the uncertain matches.
Every page is screenshotted and must log no console errors (a CSP violation is one)."""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ["SAFEGUARD_URL"]
USER = os.environ["SAFEGUARD_USER"]
PASSWORD = os.environ["SAFEGUARD_PASSWORD"]
SHOTS = os.environ.get("SCREENSHOTS", ".browser-screenshots")
REPLY = "Thank you. An officer is visiting the hotel this week."
APPLICATION = os.path.abspath(os.environ.get("SAFEGUARD_APPLICATION", "corpus/applications/APP-2026-0001.json"))
PREMISES = os.environ.get("SAFEGUARD_PREMISES", "Wynford Hotel")

options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
# A form post returns before the next page may have loaded: let look-ups wait for it.
driver.implicitly_wait(30)
step = 0


def check(name, show=None):
    """Screenshot the page (scrolled to `show`, an element, when given) and fail on any console error."""
    global step
    step += 1
    if show is not None:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", show)
    driver.save_screenshot(os.path.join(SHOTS, f"{step:02d}-{name}.png"))
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    if errors:
        sys.exit(f"console errors on {name} ({driver.current_url}): {errors}")
    print(f"ok {step:02d} {name}")


def wait_for(condition, what):
    """Waits (up to 30 s) for `condition` on the driver: a form post returns before the next page
    has loaded, and a loaded CI machine can take seconds."""
    try:
        WebDriverWait(driver, 30).until(condition)
    except Exception:
        sys.exit(f"timed out waiting for {what} on {driver.current_url}")


def wait_for_text(text, what=None):
    wait_for(lambda d: text in d.page_source, what or repr(text))


def field(name):
    return driver.find_element(By.NAME, name)


try:
    # The reporter files a report.
    driver.get(BASE + "/")
    check("start")
    driver.find_element(By.LINK_TEXT, "Start a report").click()
    check("report-form")
    driver.find_element(By.ID, "danger-1").click()
    field("text").send_keys("Two men took a girl who looked about 14 into room 12 at 2am; she had no luggage.")
    field("premises").send_keys("Station Hotel")
    field("postcode").send_keys("CV1 2AB")
    driver.find_element(By.XPATH, "//form[@action='/report']//button[@type='submit']").click()
    code = driver.find_element(By.CLASS_NAME, "receipt").text.strip()
    assert len(code.replace("-", "").replace(" ", "")) == 20, code
    check("receipt")
    driver.find_element(By.ID, "written").click()
    driver.find_element(By.XPATH, "//form[@action='/report/written']//button").click()
    check("report-sent")

    # The officer signs in, finds the report in the inbox and opens it.
    driver.get(BASE + "/officer")
    wait_for(lambda d: "/officer/sign-in" in d.current_url, "the sign-in page")
    check("sign-in")
    field("username").send_keys(USER)
    field("password").send_keys(PASSWORD)
    driver.find_element(By.XPATH, "//form[@action='/officer/sign-in']//button").click()
    wait_for(lambda d: d.current_url.endswith("/officer"), "the inbox after sign-in")
    check("inbox")
    links = driver.find_elements(By.CSS_SELECTOR, "table.inbox a[href^='/officer/reports/']")
    assert len(links) == 1, [link.text for link in links]
    links[0].click()
    wait_for_text("room 12")
    check("report")

    # The officer replies and moves the report on.
    field("text").send_keys(REPLY)
    driver.find_element(By.XPATH, "//form[contains(@action,'/reply')]//button").click()
    wait_for_text(REPLY, "the reply on the report page")
    check("replied", driver.find_element(By.XPATH, f"//p[contains(., '{REPLY}')]"))
    driver.find_element(By.XPATH, "//select[@name='status']/option[@value='referred']").click()
    driver.find_element(By.XPATH, "//form[contains(@action,'/status')]//button").click()
    # The status form reloads the page: wait for the new page's selection (the old one goes stale).
    wait_for(lambda d: "<option value=\"referred\" selected" in d.page_source, "the status shown as referred")
    check("status-referred")
    reference = driver.find_element(By.TAG_NAME, "h1").text.replace("Report ", "").strip()

    # The officer links the report to a premises of the demo register and opens its page.
    field("q").send_keys(PREMISES)
    driver.find_element(By.XPATH, "//form[@role='search'][.//input[@name='q']]//button").click()
    check("premises-search", driver.find_element(By.CSS_SELECTOR, "ul.results"))
    driver.find_element(By.XPATH, f"//ul[@class='results']//form[.//strong[text()='{PREMISES}']]//button").click()
    linked = driver.find_element(By.XPATH, "//p[starts-with(normalize-space(.), 'Linked to')][contains(., 'linked by an officer')]")
    assert PREMISES in linked.text, linked.text
    check("premises-linked", linked)
    linked.find_element(By.LINK_TEXT, PREMISES).click()
    assert driver.find_element(By.TAG_NAME, "h1").text == PREMISES
    assert driver.find_elements(By.LINK_TEXT, reference), "the report is not listed on the premises page"
    wait_for_text("Band")
    check("premises-page")

    # The reporter comes back with the receipt code and reads the reply.
    driver.delete_all_cookies()
    driver.get(BASE + "/receipt")
    check("receipt-look-up")
    field("code").send_keys(code)
    driver.find_element(By.XPATH, "//form[@action='/receipt']//button").click()
    wait_for_text(REPLY, "the reply on the receipt page")
    wait_for_text("Passed to a partner agency", "the referred status on the receipt page")
    check("reporter-reads-reply")

    # The officer screens a corpus licence application by uploading its file.
    driver.get(BASE + "/officer/sign-in")
    field("username").send_keys(USER)
    field("password").send_keys(PASSWORD)
    driver.find_element(By.XPATH, "//form[@action='/officer/sign-in']//button").click()
    wait_for(lambda d: d.current_url.endswith("/officer"), "the inbox")
    driver.find_element(By.LINK_TEXT, "Screen an application").click()
    check("screen-form")
    field("file").send_keys(APPLICATION)
    field("as-of").send_keys("2026-10-25")
    driver.find_element(By.XPATH, "//form[@action='/officer/screen']//button").click()
    wait_for_text("Last day for representations", "the screening result")
    letter = field("letter").get_attribute("value")
    assert "Representation" in letter or "representation" in letter, letter[:400]
    assert driver.find_elements(By.CSS_SELECTOR, "ol.findings li"), "no focus points shown"
    check("screen-result")
    check("screen-letter", field("letter"))

    # The driver check from the demo register, and one flagged driver's page.
    driver.find_element(By.LINK_TEXT, "Taxi drivers").click()
    drivers = driver.find_elements(By.CSS_SELECTOR, "table.inbox a[href^='/officer/drivers?licence=']")
    assert drivers, "no flagged driver listed on the demo data"
    check("drivers")
    licence = drivers[0].text
    drivers[0].click()
    assert licence in driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_elements(By.CSS_SELECTOR, "ol.findings li"), "no findings on the driver page"
    check("driver")
    vehicle = driver.find_element(By.XPATH, "//dt[text()='Vehicle']/following-sibling::dd[1]").text.strip()
    if not any(character.isalnum() for character in vehicle):
        vehicle = "KV21 ABC"

    # The officer links the report to that driver (found by licence number) and to a vehicle.
    driver.get(BASE + f"/officer/reports/{reference}")
    wait_for_text("Taxi driver and vehicle")
    field("dq").send_keys(licence)
    driver.find_element(By.XPATH, "//form[@role='search'][.//input[@name='dq']]//button").click()
    wait_for(lambda d: d.find_elements(By.XPATH, "//form[contains(@action,'/link-driver')]//button"), "the driver search results")
    check("driver-search", driver.find_element(By.XPATH, "//form[contains(@action,'/link-driver')]"))
    driver.find_element(By.XPATH, "//form[contains(@action,'/link-driver')]//button").click()
    wait_for_text("Linked to driver licence " + licence, "the driver link on the report page")
    field("registration").send_keys(vehicle)
    driver.find_element(By.XPATH, "//form[contains(@action,'/link-vehicle')]//button").click()
    plate = "".join(character for character in vehicle.upper() if character.isalnum())
    wait_for_text("Linked to vehicle " + plate, "the vehicle link on the report page")
    check("taxi-linked", driver.find_element(By.ID, "taxi"))

    # The ranked hotel list and the uncertain matches of the demo data.
    driver.find_element(By.LINK_TEXT, "Hotels").click()
    wait_for_text("hotels scored", "the hotel list")
    assert driver.find_elements(By.CSS_SELECTOR, "table.inbox a[href^='/officer/premises/']"), "no hotel listed"
    check("hotels")
    driver.find_element(By.LINK_TEXT, "Uncertain matches").click()
    wait_for(lambda d: d.find_elements(By.TAG_NAME, "h1") and d.find_element(By.TAG_NAME, "h1").text == "Uncertain matches", "the uncertain matches")
    check("uncertain-matches")
    print("browser end-to-end test passed")
finally:
    driver.quit()
