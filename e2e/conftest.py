"""Browser journeys against a running Fayuan server (scripts/test.sh starts one).

Each journey drives headless Chromium like a person: it reads the Chinese on the page and
clicks what a person would click. A screenshot of every step lands in FAYUAN_ARTIFACTS.
To add a journey, add a `test_*.py` file here that uses the `browser` fixture.
"""
import base64
import hashlib
import hmac
import os
import re
import struct
import time
import zlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By

BASE_URL = os.environ.get("FAYUAN_BASE_URL", "http://127.0.0.1:8080")
# Where staff open their pages: another instance of the same platform when set (scripts/two-
# instances.sh runs the live chat with the citizen on one instance and the staff on the other).
STAFF_BASE_URL = os.environ.get("FAYUAN_STAFF_BASE_URL", BASE_URL)
ARTIFACTS = os.environ.get("FAYUAN_ARTIFACTS", os.path.join(os.getcwd(), ".build", "test-artifacts", "screenshots"))
STAFF_PASSWORD = "Fayuan@2026"
DEMO_CITIZEN_PHONE = "13900000001"  # the demo citizen (README: demo accounts)
# Every demo staff account's authenticator key (README: demo accounts).
DEMO_TOTP_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
_last_step = {}


def totp(key, step):
    """RFC 6238, as an authenticator app computes it."""
    mac = hmac.new(base64.b32decode(key), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def next_code(username):
    """A code works once, so a second sign-in within 30 seconds uses the next step's code
    (the server accepts one step of drift) or waits for a fresh one."""
    while True:
        now = int(time.time() // 30)
        step = max(now, _last_step.get(username, -1) + 1)
        if step <= now + 1:
            _last_step[username] = step
            return totp(DEMO_TOTP_KEY, step)
        time.sleep(1)


def eventually(action, timeout=15):
    """Retries while the page is still loading (a person waits for the page too)."""
    deadline = time.time() + timeout
    while True:
        try:
            return action()
        except (AssertionError, WebDriverException):
            if time.time() > deadline:
                raise
            time.sleep(0.2)


class Browser:
    """A person at a phone-sized browser."""

    def __init__(self, driver, name, base_url=BASE_URL):
        self.driver = driver
        self.name = name
        self.base_url = base_url
        self.step = 0

    def open(self, path):
        self.driver.get(self.base_url + path)

    def shot(self, label):
        self.step += 1
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.driver.save_screenshot(os.path.join(ARTIFACTS, f"{self.name}-{self.step:02d}-{label}.png"))
        if label != "FAILED":
            self.page_is_sound()

    def page_is_sound(self):
        """What every page must be, checked at every step a journey photographs: ids unique
        (a label must point to one field), no markup shown as text, nothing failing to load."""
        duplicates = self.driver.execute_script(
            "const seen = {}; document.querySelectorAll('[id]').forEach(e => seen[e.id] = (seen[e.id] || 0) + 1);"
            "return Object.keys(seen).filter(k => seen[k] > 1);")
        assert not duplicates, f"duplicate ids {duplicates} on {self.driver.current_url}"
        for fragment in ("<br", "<span", "</", "&lt;", "&amp;lt;"):
            assert fragment not in self.text, f"markup shown as text (“{fragment}”) on {self.driver.current_url}"
        # A page answered with 404 or 422 on purpose is logged as a failed load of the document
        # itself; what must never fail is a script, a stylesheet, an icon or an image.
        def counts(message):
            if "Failed to load resource" not in message:
                return True  # a script error or a Content-Security-Policy violation
            url = message.split(" ", 1)[0].split("?", 1)[0]
            return url.endswith((".ico", ".css", ".js", ".png", ".svg", ".woff2"))
        errors = [e["message"] for e in self.driver.get_log("browser") if e.get("level") == "SEVERE" and counts(e["message"])]
        assert not errors, f"console errors on {self.driver.current_url}: {errors}"

    @property
    def text(self):
        # A live page may replace itself between finding the body and reading it: read again.
        for _ in range(5):
            try:
                return self.driver.find_element(By.TAG_NAME, "body").text
            except StaleElementReferenceException:
                time.sleep(0.1)
        return self.driver.find_element(By.TAG_NAME, "body").text

    def sees(self, text, timeout=15):
        def check():
            assert text in self.text, f"expected to see “{text}” on {self.driver.current_url}"
        eventually(check, timeout)

    def field(self, label):
        return eventually(lambda: self._field(label))

    def _field(self, label):
        """The input whose <label> reads `label` (as a screen reader would find it)."""
        for element in self.driver.find_elements(By.TAG_NAME, "label"):
            if element.text.strip().startswith(label):
                target = element.get_attribute("for")
                if target:
                    return self.driver.find_element(By.ID, target)
                return element.find_element(By.TAG_NAME, "input")
        raise AssertionError(f"no field labelled “{label}” on {self.driver.current_url}")

    def fill(self, label, value):
        """Fills the field; a page that re-renders under the hand (a live page) is filled again."""
        eventually(lambda: self._fill(label, value))

    def _fill(self, label, value):
        element = self._field(label)
        if element.tag_name == "select":
            from selenium.webdriver.support.ui import Select
            Select(element).select_by_visible_text(value)
        elif element.get_attribute("type") == "date":
            # A date picker's typing order follows the locale; set the ISO value as the picker would.
            self.driver.execute_script("arguments[0].value = arguments[1];", element, value)
        else:
            element.clear()
            element.send_keys(value)

    def tick(self, label):
        element = self.field(label)
        if not element.is_selected():
            self.driver.execute_script("arguments[0].click();", element)

    def press(self, text):
        """Clicks the visible button or link with this text."""
        eventually(lambda: self._press(text))

    def _press(self, text):
        buttons = self.driver.find_elements(By.XPATH, f"//main//button[normalize-space()='{text}'] | //button[normalize-space()='{text}']")
        links = self.driver.find_elements(By.XPATH, f"//a[normalize-space()='{text}']")
        for element in buttons + links:
            if element.is_displayed():
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
                element.click()
                return
        raise AssertionError(f"no button “{text}” on {self.driver.current_url}")

    def open_action(self, title):
        """Opens the collapsible action panel titled `title` on an application page."""
        return eventually(lambda: self._open_action(title))

    def _open_action(self, title):
        for summary in self.driver.find_elements(By.TAG_NAME, "summary"):
            if summary.text.strip() == title:
                details = summary.find_element(By.XPATH, "..")
                if details.get_attribute("open") is None:
                    summary.click()
                return details
        raise AssertionError(f"no action “{title}” on {self.driver.current_url}")

    def act(self, title, fields=None):
        panel = self.open_action(title)
        for label, value in (fields or {}).items():
            self.fill(label, value)
        button = panel.find_element(By.XPATH, f".//button[normalize-space()='{title}']")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
        button.click()

    def login(self, username, password=STAFF_PASSWORD):
        self.open("/login")
        self.fill("手机号码或用户名", username)
        self.fill("密码", password)
        self.press("登录")
        if not username.isdigit():  # staff: the authenticator code
            def code_page():
                assert "/login/second-factor" in self.driver.current_url, f"no second-factor step for {username}: {self.text[:200]}"
            eventually(code_page)
            self.fill("动态验证码", next_code(username))
            self.press("确认登录")
        def signed_in():
            assert "/login" not in self.driver.current_url, f"sign-in as {username} failed: {self.text[:200]}"
        eventually(signed_in)

    def follow(self, link_text):
        eventually(lambda: self.driver.find_element(By.LINK_TEXT, link_text).click())

    def follow_partial(self, link_text):
        eventually(lambda: self.driver.find_element(By.PARTIAL_LINK_TEXT, link_text).click())

    def logout(self):
        self.press("退出")
        def signed_out():
            assert not self.driver.find_elements(By.XPATH, "//button[normalize-space()='退出']"), "still signed in"
        eventually(signed_out)

    def application_number(self):
        def find():
            match = re.search(r"FY\d{4}-\d{6}", self.text)
            assert match, "no application number on the page"
            return match.group(0)
        return eventually(find)


def make_driver():
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--window-size=412,915")
    options.add_argument("--lang=zh-CN")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    binary = "/usr/bin/chromium"
    if os.path.exists(binary):
        options.binary_location = binary
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture
def browser(request):
    driver = make_driver()
    person = Browser(driver, request.node.name)
    yield person
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        person.shot("FAILED")
    driver.quit()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


def tiny_png(path):
    """Writes a real 1×1 PNG: a stand-in for a phone photo of an IOU."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x00\xff\xff\xff"
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)
    return path


def synthetic_id(birth, sequence):
    """A valid-looking but fictional ID number (division 990101 does not exist)."""
    first17 = "990101" + birth + f"{sequence:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]
    return first17 + check


def sms_to(phone, template, more_than=0, wait=True, timeout=20):
    """The texts a phone received of one template, oldest first (from the stand-in provider
    scripts/test.sh starts); waits until there are more than `more_than` (the server's
    dispatcher sends them within seconds), unless told not to wait."""
    import json
    import urllib.parse
    import urllib.request
    base = os.environ.get("FAYUAN_SMS_FAKE_URL")
    if not base:
        pytest.fail("FAYUAN_SMS_FAKE_URL is not set: run the journeys through scripts/test.sh")
    query = urllib.parse.urlencode({"phone": phone, "template": template})
    def read():
        with urllib.request.urlopen(f"{base}/messages?{query}") as answer:
            found = json.load(answer)
        # The number's last four digits only: a failure's message lands in the e2e log.
        assert not wait or len(found) > more_than, f"no new {template} SMS to the number ending {phone[-4:]} yet"
        return found
    return eventually(read, timeout)
