"""axe-core on the main public pages: no serious or critical violations (适老化)."""
import pytest
from axe_selenium_python import Axe
from conftest import DEMO_CITIZEN_PHONE, eventually

PAGES = ["/", "/lookup", "/login", "/register", "/disputes", "/disputes/labour?q=老板拖欠工资"]


def serious(results):
    return [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def describe(violations):
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in violations)


@pytest.mark.parametrize("path", PAGES)
def test_public_page_has_no_serious_accessibility_violations(browser, path):
    browser.open(path)
    axe = Axe(browser.driver)
    axe.inject()
    problems = serious(axe.run())
    browser.shot(path.strip("/").split("?")[0].replace("/", "-") or "home")
    assert not problems, describe(problems)


def test_application_form_has_no_serious_accessibility_violations(browser):
    browser.login(DEMO_CITIZEN_PHONE, "Shenqing@2026")
    browser.open("/applications/new")
    browser.sees("申请法律援助")
    browser.sees("个人诚信承诺")
    axe = Axe(browser.driver)
    axe.inject()
    problems = serious(axe.run())
    assert not problems, describe(problems)


def test_large_text_mode_works_without_browser_zoom(browser):
    browser.open("/")
    before = browser.driver.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
    browser.press("大字")

    def enlarged():
        after = browser.driver.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert after >= before * 1.25, f"font size {after}px after choosing 大字 (was {before}px)"
    eventually(enlarged)
    browser.shot("large-text")


def test_staff_case_pages_have_no_serious_accessibility_violations(browser):
    """The centre's case page (with every form open), the intake desk and the objections list."""
    browser.login("shencha")
    problems = []
    for path in ["/cases", "/intake", "/objections", "/workbench"]:
        browser.open(path)
        browser.sees("退出")
        axe = Axe(browser.driver)
        axe.inject()
        problems += serious(axe.run())
    browser.open("/cases")
    eventually(lambda: browser.driver.find_element("xpath", "//main//table//a").click())
    browser.sees("法律援助案件")
    browser.driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    axe = Axe(browser.driver)
    axe.inject()
    problems += serious(axe.run())
    browser.shot("case-page")
    assert not problems, describe(problems)


def test_mediation_pages_have_no_serious_accessibility_violations(browser):
    """The citizen's application form, and the committee's list and a mediation with every form open."""
    browser.login(DEMO_CITIZEN_PHONE, "Shenqing@2026")
    problems = []
    for path in ["/disputes/apply", "/disputes/mine"]:
        browser.open(path)
        browser.sees("退出")
        axe = Axe(browser.driver)
        axe.inject()
        problems += serious(axe.run())
    browser.logout()
    browser.login("tiaojie1")
    browser.open("/mediations/new")
    browser.sees("登记人民调解")
    axe = Axe(browser.driver)
    axe.inject()
    problems += serious(axe.run())
    browser.open("/mediations")
    browser.sees("人民调解")
    axe = Axe(browser.driver)
    axe.inject()
    problems += serious(axe.run())
    # The demo district has a mediation being mediated at 幸福一社区 (every form of it open).
    browser.open("/mediations?state=mediating")
    eventually(lambda: browser.driver.find_element("xpath", "//main//table//a").click())
    browser.sees("办理记录")
    browser.driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    axe = Axe(browser.driver)
    axe.inject()
    problems += serious(axe.run())
    browser.shot("mediation-page")
    assert not problems, describe(problems)
