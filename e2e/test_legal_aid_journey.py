"""The foundation journey: a citizen applies online with a photo, the workstation asks for a
missing material, the citizen supplies it, the centre decides, and the applicant follows it
all without logging in."""
import random

from conftest import synthetic_id, tiny_png


def lookup(b, number, last4):
    """The no-login status page, as the applicant (or a relative) uses it."""
    b.open("/lookup")
    b.fill("申请编号", number)
    b.fill("手机号码后四位", last4)
    b.press("查询")


def fill_application(b, name, id_number, phone, income="2400"):
    b.fill("姓名", name)
    b.fill("身份证号码", id_number)
    b.fill("手机号码", phone)
    b.fill("住址", "示范区幸福街道测试小区3号楼")
    b.fill("案件类型", "请求确认劳动关系或者支付劳动报酬")
    b.fill("案由", "追索劳动报酬纠纷")
    b.fill("对方当事人", "测试建筑有限公司")
    b.fill("事实和经过", "在测试建筑有限公司工地做工半年，工资三万元一直没有发。")
    b.fill("希望得到的帮助", "请求公司支付拖欠的工资")
    b.fill("家庭人口数", "3")
    b.fill("家庭月收入合计", income)
    b.tick("本人承诺所填内容")


def test_citizen_applies_online_and_the_centre_grants_aid(browser, tmp_path):
    b = browser
    phone = "137" + "".join(random.choice("0123456789") for _ in range(8))
    last4 = phone[-4:]

    # Register with a phone number.
    b.open("/")
    b.sees("法律援助，就在身边")
    b.shot("home")
    b.press("注册")
    b.fill("姓名", "郑测试")
    b.fill("手机号码", phone)
    b.fill("设置密码", "Zheng#2026ok")
    b.fill("再次输入密码", "Zheng#2026ok")
    b.shot("register")
    b.press("注册")
    b.sees("注册成功")

    # A wrong ID number is explained beside the field; nothing typed is lost.
    good_id = synthetic_id("19850315", 41)
    wrong_check_digit = good_id[:-1] + ("1" if good_id[-1] != "1" else "2")
    fill_application(b, "郑测试", wrong_check_digit, phone)
    b.fill("所在社区（村）", "幸福街道幸福一社区")
    b.driver.find_element("id", "f-attachments").send_keys(str(tiny_png(tmp_path / "欠条.png")))
    b.press("提交申请")
    b.sees("身份证号码校验位不正确，请核对")
    b.shot("wrong-id")
    assert b.field("案由").get_attribute("value") == "追索劳动报酬纠纷"

    b.fill("身份证号码", good_id)
    b.driver.find_element("id", "f-attachments").send_keys(str(tiny_png(tmp_path / "欠条.png")))
    b.press("提交申请")
    b.sees("申请已提交")
    b.sees("已提交，等待初审")
    b.sees("欠条.png")
    number = b.application_number()
    b.shot("submitted")
    b.logout()

    # The workstation asks once for everything missing.
    b.login("gongzuozhan1")
    b.sees("工作台")
    b.follow(number)
    b.act("一次性告知补充材料", {"需要补充的全部材料": "劳动合同或工资欠条原件照片\n工友证人证言"})
    b.sees("初审待补充材料")
    b.shot("materials-requested")
    b.logout()

    # The applicant sees what is missing without logging in.
    lookup(b, number, last4)
    b.sees("初审待补充材料")
    b.sees("工友证人证言")
    b.shot("lookup-materials")

    # The applicant signs in, uploads and says it is supplied.
    b.login(phone, "Zheng#2026ok")
    b.follow(number)
    b.driver.find_element("id", "f-attachments").send_keys(str(tiny_png(tmp_path / "证人证言.png")))
    b.press("上传")
    b.sees("已上传1个文件")
    b.act("补充材料", {"补充说明": "已上传工友证人证言"})
    b.sees("已提交，等待初审")
    b.logout()

    # Pre-approval, acceptance, review and decision.
    b.login("gongzuozhan1")
    b.follow(number)
    b.act("初审通过")
    b.sees("初审通过，已报送法律援助中心")
    b.logout()
    b.login("shencha")
    b.follow(number)
    b.sees("决定期限")
    b.act("中心受理")
    b.sees("系统条件判断")
    b.act("提出审查意见", {"审查意见": "家庭人均收入低于标准，事项属于第31条范围，建议给予援助"})
    b.sees("等待审批")
    b.logout()
    b.login("shenpi")
    b.follow(number)
    b.act("决定给予法律援助", {"审批意见": "同意"})
    b.sees("决定给予法律援助")
    b.shot("approved")

    # The decision prints on A4 with its number.
    b.follow_partial("给予法律援助决定书")
    b.sees("给予法律援助决定书")
    b.sees("法援援字第")
    b.shot("grant-decision")
    b.logout()

    # Status lookup by number and the phone's last four digits.
    lookup(b, number, last4)
    b.sees("决定给予法律援助")
    b.sees("正在指派律师")
    b.shot("lookup-approved")

    # --- The case: assignment, handling, closing, quality review, return visit ---------------
    b.login("shencha")
    b.follow(number)
    b.follow("查看案件办理")
    b.sees("待指派")
    b.open_action("指派律师")
    b.sees("建议指派：")
    b.shot("assignment-picker")
    b.fill("承办律师", next(o.text for o in b.field("承办律师").find_elements("tag name", "option") if o.text.startswith("秦明")))
    b.act("指派律师")
    b.sees("承办中")
    b.follow_partial("指派通知书")
    b.sees("秦明律师")
    b.sees("法援指字第")
    b.shot("assignment-notice")
    b.driver.back()
    b.follow_partial("法律援助公函")
    b.sees("法援函字第")
    b.shot("official-letter")
    b.logout()

    # The lawyer offers mediation first, records the applicant's consent and a meeting.
    b.login("lvshi1")
    b.press("案件")
    b.sees("我承办的案件")
    b.follow(number)
    b.act("记录先行调解意愿", {"受援人意愿": "受援人同意先行调解", "如何表示（电话、当面、书面等）": "电话确认"})
    b.sees("已记录受援人的调解意愿")
    b.open_action("记录办理进展")
    b.fill("进展类型", "会见受援人")
    b.fill("进展情况", "在幸福街道工作站会见受援人，收集工资欠条和工友证言")
    b.press("记录进展")
    b.sees("已记录：会见受援人")
    b.shot("lawyer-progress")
    b.logout()

    # The applicant sees the progress and asks to change lawyer; the centre refuses with reasons.
    b.login(phone, "Zheng#2026ok")
    b.follow(number)
    b.sees("收集工资欠条和工友证言")
    b.sees("受援人同意先行调解")
    b.act("申请更换承办律师", {"申请更换的理由": "想换一位离家近的律师"})
    b.sees("更换律师的申请已提交")
    b.shot("change-requested")
    b.logout()
    b.login("shencha")
    b.press("案件")
    b.follow(number)
    b.sees("受援人申请更换承办律师")
    b.act("不同意更换律师", {"不同意的理由（将告知受援人）": "律师已按时会见并通报进展，距离不构成更换理由"})
    b.sees("已告知受援人不同意更换的理由")
    b.logout()

    # Closing report by the lawyer; the centre closes, reviews quality and visits.
    b.login("lvshi1")
    b.press("案件")
    b.follow(number)
    b.act("提交结案报告", {"办理结果（结案报告，第50条）": "经人民调解委员会调解，公司当场支付拖欠工资三万元"})
    b.sees("已提交结案报告，待审查")
    b.logout()
    b.login("shencha")
    b.press("案件")
    b.follow(number)
    b.act("审查通过，结案")
    b.sees("已结案")
    b.sees("质量评定期限")
    b.act("质量评定", {"等级": "优", "评定意见": "调解及时，案卷完整"})
    b.sees("回访期限")
    b.act("记录回访", {"受援人满意度": "5分", "回访意见（质量监督卡）": "受援人对律师服务非常满意"})
    b.sees("已回访")
    b.shot("followed-up")
    b.logout()

    lookup(b, number, last4)
    b.sees("决定给予法律援助")
    b.sees("已回访")
    b.shot("lookup-followed-up")
