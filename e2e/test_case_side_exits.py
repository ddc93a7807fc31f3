"""Down every side exit of a case, in the browser: a criminal notification assigned to a
senior lawyer (第26、36条), a detained person's request forwarded (第39条), urgent aid first
(第44条), termination (第48条), an objection decided by the bureau (第49条), a group matter,
and the deadlines on the workbench."""
import datetime

from selenium.webdriver.common.by import By

from conftest import eventually

# A synthetic number, kept out of the test bodies so a failure's traceback prints no phone number.
CO_APPLICANTS = "张工友，13900000301\n李工友"


def china_today():
    return (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date()


def open_row(b, state_text):
    """Opens the first application in the workbench list whose row shows `state_text`."""
    def click():
        rows = b.driver.find_elements(By.XPATH, f"//tr[td[contains(normalize-space(), '{state_text}')]]//a")
        assert rows, f"no application in state “{state_text}”"
        b.driver.execute_script("arguments[0].click();", rows[0])
    eventually(click)


def test_notification_detained_request_urgent_aid_termination_and_objection(browser):
    b = browser
    b.login("shencha")
    b.press("通知辩护与羁押申请")
    b.sees("登记通知辩护（第36条）")

    # A notice from the court, received long ago: the 3-day clock has run out.
    long_ago = (china_today() - datetime.timedelta(days=20)).isoformat()
    b.fill("通知机关类别", "人民法院")
    b.fill("通知机关名称", "示范区人民法院")
    b.fill("犯罪嫌疑人、被告人姓名", "")
    b.fill("涉嫌罪名", "故意伤害罪")
    b.press("登记并进入指派")
    b.sees("请填写犯罪嫌疑人、被告人姓名")
    b.shot("notification-refused")
    b.fill("犯罪嫌疑人、被告人姓名", "韩测试")
    b.fill("收到通知的日期", long_ago)
    b.tick("可能被判处无期徒刑、死刑")
    b.press("登记并进入指派")
    b.sees("已登记通知辩护")
    b.sees("办案机关通知辩护（示范区人民法院）")
    b.sees("已超期")
    b.shot("notification-case")

    # The workbench shows it overdue.
    b.press("工作台")
    b.sees("今日到期和已超期")
    b.sees("指派承办人员（第36、43条，3日）")
    b.shot("workbench-overdue")
    b.press("案件")
    eventually(lambda: b.driver.find_element(By.XPATH, "//tr[td[normalize-space()='韩测试']]//a").click())
    b.open_action("指派律师")
    b.fill("承办律师", next(o.text for o in b.field("承办律师").find_elements(By.TAG_NAME, "option") if o.text.startswith("秦明")))
    b.act("指派律师")
    b.sees("承办中")
    b.follow_partial("法律援助公函")
    b.sees("示范区人民法院")
    b.sees("辩护人")
    b.shot("official-letter-to-court")
    b.driver.back()

    # A detained person's request: recorded, then forwarded to the centre within 24 hours.
    b.press("通知辩护与羁押申请")
    b.open_action("登记羁押人员的法律援助申请（第39条）")
    b.fill("羁押场所", "示范区看守所")
    b.fill("申请人姓名", "卫测试")
    b.fill("涉嫌罪名或案由", "盗窃罪")
    now = datetime.datetime.utcnow() + datetime.timedelta(hours=8) - datetime.timedelta(hours=2)
    b.fill("羁押场所收到申请的时间", now.strftime("%Y-%m-%d %H:%M"))
    b.press("登记")
    b.sees("须于")
    b.sees("卫测试")
    b.shot("detained-recorded")
    b.press("转交中心受理")
    b.sees("已转交法律援助中心")
    b.sees("7日内作出决定")
    b.logout()

    # Urgent aid first on the application under review at the centre.
    b.login("shenpi")
    open_row(b, "法律援助中心审查中")
    b.act("先行提供法律援助", {"距时效或期限届满还有几天": "9", "紧急情况说明": "仲裁时效将满"})
    b.sees("不足7日")
    b.shot("urgent-refused")
    b.act("先行提供法律援助", {"距时效或期限届满还有几天": "3", "紧急情况说明": "劳动仲裁时效3日后届满"})
    b.sees("已决定先行提供法律援助")
    number = b.application_number()
    b.follow_partial("先行提供法律援助决定书")
    b.sees("法援先字第")
    b.shot("urgent-decision")
    b.driver.back()
    b.follow("查看案件办理")
    b.sees("先行提供法律援助")
    b.sees("补办手续")

    # A group matter: two co-workers join the case.
    b.act("增加共同受援人（群体性案件）", {"共同受援人名单": CO_APPLICANTS})
    b.sees("已增加2名共同受援人")
    b.sees("3人")

    # The director ends the aid: the recipient hired their own lawyer (第48条).
    b.act("终止法律援助", {"终止理由（第48条）": "受援人自行委托律师或者其他代理人", "事实和理由": "受援人已自行委托律师代理仲裁"})
    b.sees("已终止法律援助")
    b.follow_partial("终止法律援助决定书")
    b.sees("法援终字第")
    b.sees("五日内")
    b.shot("termination-decision")
    b.logout()

    # The community point writes down the recipient's objection; the bureau orders correction.
    b.login("shequ1")
    b.press("工作台")
    b.follow(number)
    b.act("向司法局提出异议", {"异议的事实和理由": "委托的是亲属，不是律师，不属于自行委托律师"})
    b.sees("异议已提交司法局")
    b.sees("司法局审查中")
    b.shot("objection-filed")
    b.logout()

    b.login("jiandu")
    b.press("异议")
    b.sees("对不予法律援助决定、终止法律援助决定的异议")
    b.follow(number)
    b.fill("决定", "责令法律援助中心改正")
    b.fill("审查意见和理由（将写入决定书）", "受援人委托的是亲属，终止理由不成立")
    b.press("作出决定")
    b.sees("责令法律援助中心改正")
    b.shot("objection-decided")
    b.follow(f"申请 {number}")
    b.follow_partial("法律援助异议审查决定书")
    b.sees("法援异字第")
    b.sees("责令示范区法律援助中心改正")
    b.shot("objection-decision-document")
    b.logout()

    b.login("shencha")
    b.press("案件")
    b.follow(number)
    b.sees("待指派")
    b.sees("司法局责令改正，恢复法律援助")
