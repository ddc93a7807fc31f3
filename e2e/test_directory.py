"""The directory of legal services (issue #13): a citizen finds the nearest open legal aid point,
from a chosen village and from the phone's position; a village's legal adviser board and its A4
notice; staff import institutions from a CSV file, where one bad row keeps the whole file out;
axe on every new page. (Distances, hours and the holiday calendar are specified in
Tests/LegalAidCoreTests/DirectoryRulesTests; the same pages over HTTP in Tests/AppTests/DirectoryTests.)"""
import base64
import os
import re
import subprocess
import tempfile
import time
from urllib.parse import quote, urlparse

from selenium.webdriver.common.by import By

from conftest import eventually, tiny_png
from test_accessibility import describe, serious
from test_knowledge import axe_problems

# A place inside the demo district: a little north-east of the legal aid centre.
PHONE_POSITION = {"latitude": 30.5905, "longitude": 114.2842, "accuracy": 30}


def distances_in_metres(person):
    """The “距离约…” of every result card, in order, as metres."""
    values = []
    for card in person.driver.find_elements(By.CSS_SELECTOR, ".results .place"):
        match = re.search(r"距离约([\d.]+)(公里|米)", card.text)
        assert match, f"a result without its distance: {card.text}"
        number = float(match.group(1))
        values.append(number * 1000 if match.group(2) == "公里" else number)
    return values


OPEN_OR_WHEN = re.compile(r"正在开放|现在关闭，(今天|明天|\d+月\d+日（周.）)\d\d:\d\d开放")


def every_card_tells_when_open(person):
    """Each card says it is open now, or that it is closed now and when it opens next."""
    for card in person.driver.find_elements(By.CSS_SELECTOR, ".results .place"):
        assert OPEN_OR_WHEN.search(card.text), card.text


def test_find_the_nearest_open_legal_aid_point(browser):
    citizen = browser
    citizen.open("/")
    citizen.follow("找法律服务")
    citizen.sees("法律服务机构")
    citizen.shot("directory")
    problems = axe_problems(citizen)

    # From a chosen village: the nearest workstations and community points, nearest first.
    citizen.press("查找离我最近的")
    citizen.sees("从哪里出发")
    citizen.fill("找哪类机构", "街道法律援助工作站")
    citizen.fill("从哪里出发", "长江街道 长江村村民委员会")
    citizen.press("查找")
    citizen.sees("离“长江村村民委员会”最近的街道法律援助工作站")
    distances = eventually(lambda: distances_in_metres(citizen) or (_ for _ in ()).throw(AssertionError("no results")))
    assert distances == sorted(distances), distances
    every_card_tells_when_open(citizen)
    assert citizen.driver.find_elements(By.CSS_SELECTOR, ".schematic-map svg"), "no schematic map"
    citizen.shot("nearest-from-village")
    problems += axe_problems(citizen)

    # Only those open now: either every card says so, or the page says none is and offers 12348.
    citizen.tick("只看现在开放的")
    citizen.press("查找")
    def open_only():
        cards = citizen.driver.find_elements(By.CSS_SELECTOR, ".results .place")
        if cards:
            assert all("正在开放" in c.text and "现在关闭" not in c.text for c in cards), [c.text for c in cards]
        else:
            assert "没有找到现在开放的机构" in citizen.text and "12348" in citizen.text
    eventually(open_only)
    citizen.shot("open-now-only")

    # From the phone's position: the browser asks, the person allows, the list follows.
    citizen.driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": citizen.base_url, "permissions": ["geolocation"]})
    citizen.driver.execute_cdp_cmd("Emulation.setGeolocationOverride", PHONE_POSITION)
    citizen.open("/directory/nearest")
    citizen.fill("找哪类机构", "法律援助中心")
    citizen.press("使用我的位置")
    citizen.sees("离“您的位置”最近的法律援助中心")
    distances = distances_in_metres(citizen)
    assert distances and distances == sorted(distances), distances
    citizen.shot("nearest-from-position")
    problems += axe_problems(citizen)

    # The nearest one's own page: hours, whether it is open, how to call.
    first = citizen.driver.find_element(By.CSS_SELECTOR, ".results .place h2 a")
    name = first.text
    first.click()
    citizen.sees(name)
    citizen.sees("服务时间")
    citizen.sees("现在")
    assert citizen.driver.find_elements(By.CSS_SELECTOR, "a[href^='tel:']"), "no telephone link"
    citizen.shot("institution")
    problems += axe_problems(citizen)
    assert not problems, describe(problems)


def test_a_village_shows_its_legal_adviser_and_prints_the_notice(browser):
    citizen = browser
    citizen.open("/directory?kind=villageCommittee&q=%E5%B9%B8%E7%A6%8F%E4%B8%80%E7%A4%BE%E5%8C%BA")  # 幸福一社区
    citizen.follow_partial("幸福一社区")
    citizen.sees("本村（社区）法律顾问")
    citizen.sees("驻点时间")
    adviser = citizen.driver.find_element(By.CSS_SELECTOR, ".adviser-name").text
    citizen.shot("village")
    problems = axe_problems(citizen)

    village_page = urlparse(citizen.driver.current_url).path
    citizen.press("打印公示牌（A4）")
    citizen.sees(adviser)
    # The QR code, decoded as a phone would, leads to the village's page at the site's public address.
    qr = citizen.driver.find_element(By.CSS_SELECTOR, ".notice-qr svg.qr")
    citizen.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", qr)
    image = os.path.join(tempfile.mkdtemp(), "notice-qr.png")
    qr.screenshot(image)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", image], capture_output=True, text=True, check=True).stdout.strip()
    assert decoded == citizen.base_url + village_page, (decoded, village_page)
    assert "localhost" not in citizen.text
    # Printed, it fills one A4 sheet, not two (Chromium's own print to PDF, the page's CSS sizes).
    pdf = base64.b64decode(citizen.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the notice prints on {pages} pages"
    citizen.shot("notice")
    problems += axe_problems(citizen)

    citizen.open("/directory/people?role=villageAdviser")
    citizen.sees("法律服务人员")
    citizen.shot("people")
    problems += axe_problems(citizen)
    assert not problems, describe(problems)


def result_names(person):
    """The text of the result cards on a directory page."""
    return " ".join(card.text for card in person.driver.find_elements(By.CSS_SELECTOR, ".results .place"))


def write_csv(rows):
    handle, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(rows) + "\r\n")
    return path


def test_staff_import_institutions_and_one_bad_row_keeps_the_file_out(browser):
    editor = browser
    editor.login("shencha")
    editor.follow("机构名录")
    editor.sees("机构")
    problems = axe_problems(editor)
    editor.open("/directory/import")
    editor.sees("导入机构或人员（CSV）")
    problems += axe_problems(editor)

    # A name of this run's own, so the journey can run again against the same server.
    firm = "旭日" + "".join("零一二三四五六七八九"[int(d)] for d in str(int(time.time()))[-4:])
    header = "名称,类型,街道,地址,电话,服务时间"
    bad = write_csv([header,
                     f"示范区{firm}律师事务所,律师事务所,幸福街道,幸福路8号,027-80000001,周一至周五 9:00-17:30",
                     f"示范区{firm}调解室,人民调解委员会,幸福街道,幸福路9号,027-80000002,每天 25:00-26:00"])
    editor.field("CSV文件").send_keys(bad)
    editor.press("上传并导入")
    editor.sees("整个文件未导入")
    editor.sees("第3行")
    editor.shot("import-refused")
    problems += axe_problems(editor)
    editor.open("/directory?q=" + quote(firm))  # the good row was not written either
    editor.sees("没有符合条件的机构")
    assert firm not in result_names(editor), "the good row of a refused file was written"

    good = write_csv([header,
                      f"示范区{firm}律师事务所,律师事务所,幸福街道,幸福路8号,027-80000001,周一至周五 9:00-17:30",
                      f"示范区{firm}调解室,人民调解委员会,幸福街道,幸福路9号,027-80000002,周一至周五 8:30-17:00"])
    editor.open("/directory/import")
    editor.field("CSV文件").send_keys(good)
    editor.press("上传并导入")
    editor.sees("导入完成：共2行，新增2条", timeout=30)
    editor.shot("import-done")

    editor.open("/directory?q=" + quote(firm))
    editor.follow_partial(firm + "律师事务所")
    editor.sees("幸福路8号")
    editor.shot("imported-institution")
    assert not problems, describe(problems)


def test_staff_put_a_photo_of_the_adviser_on_the_village_board(browser):
    editor = browser
    editor.login("shenpi")
    editor.open("/directory?kind=villageCommittee&q=%E5%B9%B8%E7%A6%8F%E4%BA%8C%E7%A4%BE%E5%8C%BA")  # 幸福二社区
    editor.follow_partial("幸福二社区")
    editor.sees("本村（社区）法律顾问")
    village = editor.driver.current_url
    adviser = editor.driver.find_element(By.CSS_SELECTOR, ".adviser-name").text

    editor.open("/directory/manage?q=" + quote(adviser))
    editor.follow(adviser)
    editor.sees("修改人员")
    editor.field("照片").send_keys(tiny_png(os.path.join(tempfile.mkdtemp(), "adviser.png")))
    editor.shot("person-form")
    problems = axe_problems(editor)
    editor.press("保存")
    editor.sees("已保存")
    editor.sees("删除现有照片")

    editor.driver.get(village)
    photo = eventually(lambda: editor.driver.find_element(By.CSS_SELECTOR, ".adviser .adviser-photo"))
    assert photo.get_attribute("alt") == f"{adviser}的照片"
    def loaded():
        assert editor.driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", photo) == 1, "the photo did not load"
    eventually(loaded)
    editor.shot("board-with-photo")
    problems += axe_problems(editor)
    assert not problems, describe(problems)
