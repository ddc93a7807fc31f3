"""A community point files on someone's behalf; the centre denies with reasons, and the
applicant sees why and where to object."""
import random

from conftest import synthetic_id
from test_legal_aid_journey import fill_application


def test_community_point_files_and_the_centre_denies(browser):
    b = browser
    phone = "136" + "".join(random.choice("0123456789") for _ in range(8))

    b.login("shequ1")
    b.press("代为填写申请")
    b.sees("代申请人填写")
    fill_application(b, "冯测试", synthetic_id("19700808", 52), phone, income="45000")
    b.press("提交申请")
    b.sees("申请已提交")
    number = b.application_number()
    b.shot("filed-by-community")
    b.logout()

    b.login("gongzuozhan1")
    b.follow(number)
    b.act("初审通过", {"初审意见": "请中心核实家庭收入"})
    b.logout()

    b.login("shencha")
    b.follow(number)
    b.act("中心受理")
    b.sees("不符合法律援助条件")
    b.act("提出审查意见", {"审查结论": "建议不予法律援助", "审查意见": "家庭月人均收入15000元，高于经济困难标准"})
    b.logout()

    b.login("shenpi")
    b.follow(number)
    b.act("决定不予法律援助", {"不予法律援助的理由": "家庭月人均收入15000元，高于本地经济困难标准"})
    b.sees("决定不予法律援助")
    b.follow_partial("不予法律援助决定书")
    b.sees("五日内")
    b.shot("denial-decision")
    b.logout()

    b.open("/lookup")
    b.fill("申请编号", number)
    b.fill("手机号码后四位", phone[-4:])
    b.press("查询")
    b.sees("决定不予法律援助")
    b.sees("高于本地经济困难标准")
    b.sees("异议")
    b.shot("lookup-denied")
