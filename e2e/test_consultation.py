"""The consultation desk (issue #12), as its users meet it: an anonymous citizen asks, the
centre's reviewer on duty takes the request and they chat, live, in two browsers, with a
reload in the middle; a request nobody takes in time becomes a call back the hotline makes; a
missed call is called back; a consultation becomes a prefilled legal aid application.
The server runs with the desk open at any hour and a 20-second escalation (scripts/test.sh).
"""
import hashlib
import hmac
import json
import os
import struct
import tempfile
import time
import zlib
import urllib.request
import uuid

from selenium.webdriver.common.by import By

from conftest import BASE_URL, DEMO_CITIZEN_PHONE, STAFF_BASE_URL, Browser, eventually, make_driver


# Synthetic numbers, kept out of the test bodies so a failure's traceback prints no phone number.
FIRST_ASKER_PHONE = "13900000002"
SECOND_ASKER_PHONE = "13900000003"
MISSED_CALLER_PHONE = "13900000031"
# The desk page refreshes itself this often whatever happens (consult.js); a push must beat it.
DESK_POLL_SECONDS = 15


def pbx_event(event):
    """Posts a call event as the 12348 PBX does: signed with the shared secret, timestamped."""
    body = json.dumps(event).encode()
    stamp = str(int(time.time()))
    secret = os.environ["FAYUAN_PBX_SECRET"].encode()
    signature = "sha256=" + hmac.new(secret, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(BASE_URL + "/api/v1/hotline/events", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Fayuan-Timestamp": stamp, "X-Fayuan-Signature": signature})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status


def ask(citizen, question, phone):
    """A signed-in citizen asks. (An anonymous asker also confirms the number by an SMS code,
    which these journeys cannot read from the log gateway; Tests/AppTests/PhoneCodeTests covers it.)"""
    citizen.login(DEMO_CITIZEN_PHONE, "Shenqing@2026")
    citizen.open("/consult")
    citizen.sees("在线咨询服务中")
    citizen.fill("咨询类别", "劳动争议")
    citizen.fill("您的问题", question)
    citizen.fill("怎么称呼您", "王女士")
    citizen.fill("手机号", phone)
    citizen.shot("ask")
    citizen.press("开始咨询")
    citizen.sees("排队中")


def messages_with(person, text):
    return [li for li in person.driver.find_elements(By.CSS_SELECTOR, "#messages li") if text in li.text]


def test_citizen_and_staff_chat_live_across_a_reload(browser):
    # With FAYUAN_STAFF_BASE_URL set, staff and citizen sit on different instances and every
    # message crosses the PostgreSQL relay.
    staff = browser
    staff.base_url = STAFF_BASE_URL
    citizen = Browser(make_driver(), "consultation-citizen")
    try:
        staff.login("shencha")
        staff.open("/desk")
        staff.press("开始值班")
        staff.sees("您正在值班")

        ask(citizen, "公司拖欠我三个月工资，我该怎么办？", FIRST_ASKER_PHONE)
        asked_at = time.time()
        citizen.sees("您前面还有0人")
        citizen.shot("waiting")

        # The desk updates by itself when the request arrives: pushed over its socket, well
        # inside the page's own 15-second refresh (which alone would take up to 15 s).
        staff.sees("王女士 · 劳动争议", timeout=DESK_POLL_SECONDS)
        assert time.time() - asked_at < DESK_POLL_SECONDS / 3, f"the desk took {time.time() - asked_at:.1f} s: polled, not pushed"
        staff.shot("desk-with-request")
        staff.press("接入下一位")
        staff.sees("咨询中")
        staff.sees("公司拖欠我三个月工资")

        citizen.sees("咨询中")  # the citizen's page moved on without a click
        staff.fill("输入消息", "您好，请问您和公司签过劳动合同吗？")
        staff.press("发送")
        citizen.sees("您好，请问您和公司签过劳动合同吗？")
        citizen.shot("staff-message-arrived")

        # A reload loses and repeats nothing.
        citizen.driver.refresh()
        citizen.sees("您好，请问您和公司签过劳动合同吗？")
        assert len(messages_with(citizen, "签过劳动合同吗")) == 1
        citizen.fill("输入消息", "签过，合同在我手里，工资条没有。")
        citizen.press("发送")
        staff.sees("签过，合同在我手里")
        eventually(lambda: _once(staff, "合同在我手里"))
        staff.shot("citizen-reply-arrived")

        # A photo of the contract goes across; it shows on the other side without a reload.
        photo = photo_png(os.path.join(tempfile.mkdtemp(), "劳动合同.png"))
        citizen.field("发送图片或PDF文件").send_keys(photo)
        citizen.press("发送文件")
        eventually(lambda: _image(citizen, "图片：劳动合同.png"))
        eventually(lambda: _image(staff, "图片：劳动合同.png"))
        staff.shot("photo-arrived")

        staff.fill("咨询结果", "已解答")
        staff.press("结束咨询")
        staff.sees("本次咨询已结束")
        citizen.sees("请对本次服务评价")
        citizen.fill("评分", "★★★★★（5分）")
        citizen.fill("意见建议", "律师很耐心")
        citizen.press("提交评价")
        citizen.sees("感谢您的评价")
        citizen.shot("rated")

        staff.open("/desk")
        staff.press("结束值班")
        staff.sees("您当前不在值班")
    finally:
        citizen.driver.quit()


def photo_png(path, width=200, height=120):
    """A real PNG the size of a small photo (a stand-in for a phone picture of a contract)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes([230, 236, 245]) * width for _ in range(height))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)
    return path


def _image(person, alt):
    images = [img for img in person.driver.find_elements(By.CSS_SELECTOR, "#messages img") if img.get_attribute("alt") == alt]
    assert len(images) == 1, f"{alt}: {len(images)} shown"
    assert person.driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", images[0]) > 0, "the image loads"


def _once(person, text):
    assert len(messages_with(person, text)) == 1, f"“{text}” shown {len(messages_with(person, text))} times"


def test_a_request_nobody_takes_becomes_a_call_back_the_hotline_makes(browser):
    citizen = browser
    ask(citizen, "工伤以后公司不给报销医药费怎么办？", SECOND_ASKER_PHONE)
    # Nobody is on duty: after the (test) escalation time the page says a call back follows.
    citizen.sees("待回电", timeout=60)
    citizen.sees("12348公共法律服务热线将尽快拨打您留下的手机号回电")
    citizen.shot("escalated")

    hotline = Browser(make_driver(), "consultation-hotline")
    try:
        hotline.login("shenpi")
        hotline.open("/desk")
        hotline.sees("待回电（")
        hotline.follow_partial("王女士")
        hotline.sees("工伤以后公司不给报销医药费")
        hotline.fill("回电结果", "无人接听")
        hotline.press("记录本次回电")
        hotline.sees("待回电")
        hotline.fill("回电结果", "已接通")
        hotline.press("记录本次回电")
        hotline.sees("咨询中")
        hotline.shot("called-back")
        hotline.fill("咨询结果", "转12333人社服务热线")
        hotline.fill("说明", "医药费报销涉及工伤保险待遇，已告知拨打12333")
        hotline.press("结束咨询")
        hotline.sees("本次咨询已结束")
    finally:
        hotline.driver.quit()


def test_a_missed_call_reported_by_the_pbx_is_called_back_from_the_desk(browser):
    call = f"call-{uuid.uuid4()}"
    assert pbx_event({"eventId": str(uuid.uuid4()), "callId": call, "type": "ringing", "caller": MISSED_CALLER_PHONE}) == 202
    assert pbx_event({"eventId": str(uuid.uuid4()), "callId": call, "type": "missed"}) == 202

    hotline = browser
    hotline.login("shenpi")
    hotline.open("/desk")
    hotline.sees("来电 尾号0031")  # the desk shows the last four digits only
    hotline.shot("missed-call-on-desk")
    hotline.follow_partial("来电 尾号0031")
    hotline.sees("待回电")
    hotline.fill("回电结果", "已接通")
    hotline.press("记录本次回电")
    hotline.sees("咨询中")
    hotline.fill("输入消息", "来电人询问拖欠工资，已告知可申请劳动仲裁并可申请法律援助。")
    hotline.press("发送")
    hotline.sees("已告知可申请劳动仲裁")
    hotline.fill("咨询结果", "已解答")
    hotline.press("结束咨询")
    hotline.sees("本次咨询已结束")
    hotline.shot("missed-call-called-back")


def test_a_consultation_becomes_a_prefilled_legal_aid_application(browser):
    staff = browser
    citizen = Browser(make_driver(), "consultation-to-application")
    try:
        staff.login("shencha")
        staff.open("/desk")
        staff.press("开始值班")
        staff.sees("您正在值班")

        citizen.login(DEMO_CITIZEN_PHONE, "Shenqing@2026")
        citizen.open("/consult")
        citizen.fill("咨询类别", "劳动争议")
        citizen.fill("您的问题", "在建筑工地干了半年，包工头拖欠工资两万元不给。")
        citizen.fill("怎么称呼您", "李师傅")
        citizen.press("开始咨询")
        citizen.sees("排队中")

        staff.sees("李师傅 · 劳动争议")
        staff.press("接入下一位")
        staff.sees("拖欠工资两万元")
        citizen.sees("咨询中")
        citizen.fill("输入消息", "我有工友名单和微信里的欠条照片。")
        citizen.press("发送")
        staff.sees("微信里的欠条照片")

        # Consent is asked for and refused without it: nothing is filed.
        staff.fill("咨询结果", "转为法律援助申请（须咨询人同意）")
        staff.fill("咨询人所在社区（村）", "幸福街道幸福一社区")
        staff.press("结束咨询")
        staff.sees("须征得咨询人同意")
        staff.fill("咨询结果", "转为法律援助申请（须咨询人同意）")
        staff.fill("咨询人所在社区（村）", "幸福街道幸福一社区")
        staff.fill("说明", "请求支付拖欠的劳动报酬两万元")
        staff.tick("咨询人已同意将本次咨询内容用于法律援助申请")
        staff.shot("close-as-application")
        staff.press("结束咨询")
        staff.sees("已转为法律援助申请，申请编号")

        # The citizen's page moves on by itself, and the draft holds what they already said.
        citizen.sees("继续填写申请", timeout=20)
        citizen.shot("consultation-became-application")
        citizen.follow("继续填写申请")
        eventually(lambda: _holds(citizen, "事实和经过", "拖欠工资两万元不给。\n我有工友名单和微信里的欠条照片。"))
        eventually(lambda: _holds(citizen, "希望得到的帮助（请求事项）", "请求支付拖欠的劳动报酬两万元"))
        citizen.shot("prefilled-application")

        staff.open("/desk")
        staff.press("结束值班")
        staff.sees("您当前不在值班")
    finally:
        citizen.driver.quit()


def _holds(person, label, text):
    value = person.field(label).get_attribute("value")
    assert text in value, f"{label}: {value!r}"
