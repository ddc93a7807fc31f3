"""People's mediation in the browser (issue #26): a neighbour dispute from the guided page to an
agreement signed on screen by both parties and the mediator and printed, with its confirmation
window; the other side refusing through their SMS link; a failed mediation becoming a prefilled
legal aid application."""
import os
import re
import subprocess
import tempfile

from selenium.webdriver.common.by import By

from conftest import DEMO_CITIZEN_PHONE, Browser, eventually, make_driver, sms_to

# Synthetic numbers, kept out of the test bodies so a failure's traceback prints no phone number.
NEIGHBOUR_PHONE = "13900000701"
REFUSER_PHONE = "13900000702"
FAILED_PHONE = "13900000703"
DESK_ASKER_PHONE = "13900000704"
DESK_RESPONDENT_PHONE = "13900000705"
PLACE = "幸福街道 幸福一社区居民委员会"


def reply_link(phone):
    """The link in the invitation the other side's phone received (the key rides in its fragment)."""
    link = sms_to(phone, "mediationInvitation")[0]["params"]["link"]
    return link.split("127.0.0.1")[-1].split(":", 1)[-1].split("/", 1)[-1]


def apply_online(b, respondent, phone, facts, claims):
    b.login(DEMO_CITIZEN_PHONE, "Shenqing@2026")
    b.open("/disputes/neighbour")
    b.sees("邻里纠纷怎么办")
    b.press("在线申请调解")
    b.sees("人民调解免费")
    b.fill("姓名或单位名称", respondent)
    if phone:
        b.fill("对方手机号", phone)
    b.fill("对方所在的村（社区）", PLACE)
    b.fill("发生了什么", facts)
    b.fill("希望怎样解决", claims)
    b.shot("apply")
    b.press("提交调解申请")
    b.sees("调解申请已提交")
    number = eventually(lambda: re.search(r"（\d{4}）.调字第\d{4}号", b.text).group(0))
    b.shot("applied")
    return number


def other_side_opens(driver_name, phone):
    other = Browser(make_driver(), driver_name)
    other.open("/" + reply_link(phone))
    other.sees("您是否同意调解")
    return other


def test_neighbour_dispute_to_a_signed_printed_agreement(browser):
    citizen = browser
    number = apply_online(citizen, "楼上王某", NEIGHBOUR_PHONE, "楼上卫生间漏水三个月，我家天花板发霉，多次沟通没有修理。", "请对方修好防水并赔偿粉刷费用2000元")
    citizen.sees("等待对方答复")

    other = other_side_opens("mediation-respondent", NEIGHBOUR_PHONE)
    try:
        other.shot("invitation")
        eventually(lambda: other.driver.find_element(By.ID, "f-answer-accept").click())
        other.press("提交答复")
        other.sees("您已同意调解")
        other.tick("我已阅读并知悉上述权利和义务")
        other.press("确认")
        other.sees("已确认知悉")
        other.shot("accepted")

        citizen.driver.refresh()
        citizen.sees("已受理")
        citizen.tick("我已阅读并知悉上述权利和义务")
        citizen.press("确认")
        citizen.sees("已确认知悉")

        mediator = Browser(make_driver(), "mediation-mediator")
        try:
            mediator.login("tiaojie1")
            mediator.open("/mediations")
            mediator.follow(number)
            mediator.sees("推荐：幸福一社区 刘调解")
            mediator.press("指定调解员")
            mediator.sees("已指定调解员")
            mediator.sees("调解中")
            # A joint session with both parties, and its record.
            eventually(lambda: mediator.driver.execute_script(
                "document.getElementById('f-session-startsAt').value = '2026-12-08T09:30';"))
            mediator.fill("地点或视频会议链接", "幸福一社区调解室")
            mediator.tick("李示例")
            mediator.tick("楼上王某")
            mediator.fill("调解笔录", "双方陈述漏水经过，王某同意修理防水并赔偿粉刷费。")
            mediator.press("保存调解记录")
            mediator.sees("已保存调解记录")
            mediator.fill("协议内容", "一、王某于2026年12月20日前修好卫生间防水；二、王某于2026年12月31日前支付李示例粉刷费1500元。")
            mediator.press("保存协议")
            mediator.sees("调解协议已保存，请各方签名")
            # Each party types the code their own phone received.
            for name, phone in (("李示例", DEMO_CITIZEN_PHONE), ("楼上王某", NEIGHBOUR_PHONE)):
                before = len(sms_to(phone, "mediationSigningCode", wait=False))
                mediator.press(f"发送验证码到{name}的手机")
                mediator.sees("验证码已发送")
                code = sms_to(phone, "mediationSigningCode", more_than=before)[-1]["params"]["code"]
                mediator.fill(f"{name}收到的验证码", code)
                mediator.press("确认签名")
                mediator.sees("已签名")
            mediator.press("调解员幸福一社区 刘调解签名")
            mediator.sees("已签名")
            mediator.press("加盖调解委员会印章，协议生效")
            mediator.sees("调解协议生效")
            mediator.sees("第20天、第27天")
            mediator.shot("sealed")
            # The parties went to court together; then the return visit closes the file.
            mediator.fill("人民法院的答复", "示范区人民法院裁定确认调解协议有效")
            mediator.press("登记司法确认结果")
            mediator.sees("已登记司法确认结果")
            mediator.fill("协议履行情况", "已经履行")
            mediator.fill("回访情况", "回访李示例：防水已修好，粉刷费已收到。")
            mediator.press("登记回访并结案")
            mediator.sees("已登记回访，调解结案")
            mediator.sees("已结案")
            mediator.shot("closed")
        finally:
            mediator.driver.quit()
    finally:
        other.driver.quit()

    citizen.driver.refresh()
    citizen.sees("已结案")
    citizen.follow("查看并打印协议书")
    citizen.sees("人民调解协议书")
    citizen.sees(number)
    citizen.sees("修好卫生间防水")
    citizen.sees("已电子签名")
    citizen.shot("printed")


def test_the_other_side_refuses_and_the_applicant_sees_what_else_they_can_do(browser):
    citizen = browser
    apply_online(citizen, "隔壁赵某", REFUSER_PHONE, "隔壁赵某在公共楼道堆放杂物，挡住消防通道，劝说无效。", "请对方清理楼道杂物")
    other = other_side_opens("mediation-refuser", REFUSER_PHONE)
    try:
        eventually(lambda: other.driver.find_element(By.ID, "f-answer-refuse").click())
        other.press("提交答复")
        other.sees("请简单说明不同意调解的原因")
        eventually(lambda: other.driver.find_element(By.ID, "f-answer-refuse").click())
        other.fill("不同意的原因", "杂物是临时放的，我自己会处理")
        other.press("提交答复")
        other.sees("您已答复不同意调解")
        other.shot("refused")
    finally:
        other.driver.quit()
    citizen.driver.refresh()
    citizen.sees("对方拒绝调解")
    citizen.sees("向人民法院起诉")
    citizen.sees("申请法律援助")
    citizen.shot("routes")


def test_a_failed_mediation_becomes_a_prefilled_legal_aid_application(browser):
    citizen = browser
    number = apply_online(citizen, "楼下孙某", FAILED_PHONE, "楼下孙某说我家空调外机滴水，多次上门吵闹，影响老人休息。", "请对方停止上门吵闹")
    citizen.logout()
    mediator = browser
    mediator.login("tiaojie2")
    mediator.open("/mediations")
    mediator.follow(number)
    mediator.open_action("送达与答复")
    mediator.fill("楼下孙某当面答复", "同意调解")
    mediator.press("登记答复")
    mediator.sees("已登记楼下孙某的答复")
    mediator.press("指定调解员")
    mediator.sees("调解中")
    mediator.open_action("终止调解")
    mediator.fill("调解不成的原因", "双方各执一词，不同意调解方案")
    mediator.press("终止调解（调解不成）")
    mediator.sees("调解已终止")
    mediator.sees("向人民法院起诉")
    mediator.fill("由哪个法律援助联系点协助申请", "幸福街道幸福一社区法律援助联系点")
    mediator.press("转为法律援助申请（自动填好已知信息）")
    mediator.sees("已转为法律援助申请")
    application = eventually(lambda: re.search(r"FY\d{4}-\d{6}", mediator.text).group(0))
    mediator.shot("to-application")
    mediator.logout()
    citizen.login(DEMO_CITIZEN_PHONE, "Shenqing@2026")
    citizen.open("/my")
    citizen.sees(application)
    citizen.shot("application-listed")


def test_a_printed_invitation_with_a_qr_code_reaches_someone_without_a_mobile(browser):
    """An elderly neighbour with no mobile: the mediator prints the invitation; its QR code, decoded
    as a phone would, opens that person's own page."""
    citizen = browser
    number = apply_online(citizen, "对门钱老伯", None, "对门钱老伯在楼道养鸡，气味很大，多次沟通没有改善。", "请对方把鸡移出公共楼道")
    citizen.logout()
    mediator = Browser(make_driver(), "mediation-notice")
    try:
        mediator.login("tiaojie2")
        mediator.open("/mediations")
        mediator.follow(number)
        mediator.sees("未登记手机号，未发短信")
        mediator.open_action("送达与答复")
        mediator.press("打印邀请通知书（带二维码）")
        mediator.sees("人民调解邀请通知书")
        mediator.sees("对门钱老伯：")
        qr = mediator.driver.find_element(By.CSS_SELECTOR, ".notice-qr svg.qr")
        mediator.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", qr)
        image = os.path.join(tempfile.mkdtemp(), "invitation-qr.png")
        qr.screenshot(image)
        mediator.shot("notice")
        link = subprocess.run(["zbarimg", "--raw", "-q", image], capture_output=True, text=True, check=True).stdout.strip()
        assert "/open#key=" in link, "the QR code carries the other side's own link"
    finally:
        mediator.driver.quit()
    neighbour = Browser(make_driver(), "mediation-notice-neighbour")
    try:
        neighbour.open("/" + link.split("//", 1)[-1].split("/", 1)[-1])
        neighbour.sees("您是否同意调解")
        neighbour.sees("对门钱老伯，您好")
        neighbour.shot("opened")
    finally:
        neighbour.driver.quit()


def test_a_desk_consultation_referred_to_mediation_reaches_the_committee_and_the_asker_follows_it(browser):
    """A citizen asks the desk about a neighbour; the consultation ends "referred to mediation"; the
    desk registers it from the conversation without retyping; the committee has it, and the asker
    follows it in their own account."""
    staff = browser
    citizen = Browser(make_driver(), "mediation-desk-citizen")
    try:
        staff.login("shenpi")
        staff.open("/desk")
        if staff.driver.find_elements(By.XPATH, "//button[normalize-space()='开始值班']"):
            staff.press("开始值班")
        staff.sees("您正在值班")
        citizen.login(DEMO_CITIZEN_PHONE, "Shenqing@2026")
        citizen.open("/consult")
        citizen.fill("咨询类别", "侵权")
        citizen.fill("您的问题", "楼上邻居家卫生间漏水到我家，天花板发霉，找他几次都不管，怎么办？")
        citizen.fill("怎么称呼您", "李示例")
        citizen.fill("手机号", DESK_ASKER_PHONE)
        citizen.press("开始咨询")
        citizen.sees("排队中")
        staff.sees("李示例 · 侵权", timeout=20)
        staff.press("接入下一位")
        staff.sees("咨询中")
        staff.fill("输入消息", "这类邻里纠纷可以请社区人民调解委员会免费调解，我帮您登记。")
        staff.press("发送")
        staff.fill("咨询结果", "转介人民调解")
        staff.fill("说明", "楼上漏水纠纷，转幸福一社区人民调解委员会调解")
        staff.press("结束咨询")
        staff.sees("本次咨询已结束")
        staff.press("登记人民调解（自动填好已知信息）")
        staff.sees("登记人民调解")
        assert staff.field("姓名（单位填单位名称）").get_attribute("value") == "李示例", "the asker's name is already filled in"
        assert "天花板发霉" in staff.field("发生了什么").get_attribute("value"), "what they said is already filled in"
        staff.fill("姓名或单位名称", "楼上赵某")
        staff.fill("对方手机号", DESK_RESPONDENT_PHONE)
        staff.fill("对方所在的村（社区）", PLACE)
        staff.fill("希望怎样解决", "请对方修好漏水并赔偿损失")
        staff.shot("registered-from-desk")
        staff.press("登记并通知对方")
        staff.sees("已转交幸福一社区人民调解委员会调解")
        number = eventually(lambda: re.search(r"（\d{4}）.调字第\d{4}号", staff.text).group(0))
        staff.open("/desk")
        staff.press("结束值班")

        other = other_side_opens("mediation-desk-respondent", DESK_RESPONDENT_PHONE)
        try:
            eventually(lambda: other.driver.find_element(By.ID, "f-answer-accept").click())
            other.press("提交答复")
            other.sees("您已同意调解")
        finally:
            other.driver.quit()

        citizen.open("/disputes/mine")
        citizen.sees(number)
        citizen.follow(number)
        citizen.sees("已受理")
        citizen.sees("楼上邻居家卫生间漏水")
        citizen.shot("followed")
    finally:
        citizen.driver.quit()
