"""What a new user met when the platform was tried from outside, walked again in the browser:
a double click on 提交申请 makes one application, the decision clock shows as stopped while
materials are awaited, the lawyer's and the workstation's pages hold no dead links, and the
audit trail reads in Chinese with refused access in it."""
import random

from conftest import synthetic_id
from test_legal_aid_journey import fill_application, lookup


def new_phone():
    return "136" + "".join(random.choice("0123456789") for _ in range(8))


def test_a_double_click_on_submit_makes_one_application(browser):
    b = browser
    phone = new_phone()
    name = "双击测试"
    b.open("/register")
    b.fill("姓名", name)
    b.fill("手机号码", phone)
    b.fill("设置密码", "Shuang#2026ok")
    b.fill("再次输入密码", "Shuang#2026ok")
    b.press("注册")
    b.sees("注册成功")
    b.open("/applications/new")
    fill_application(b, name, synthetic_id("19760203", random.randint(100, 899)), phone)
    b.fill("所在社区（村）", "幸福街道幸福一社区")
    b.shot("filled")
    # Two posts of the same form at once, as a double click sends them.
    statuses = b.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const form = document.querySelector('form[enctype="multipart/form-data"]');
        const data = () => { const d = new FormData(form); d.set('action', 'submit'); return d; };
        const target = form.getAttribute('action');
        Promise.all([fetch(target, {method: 'POST', body: data()}), fetch(target, {method: 'POST', body: data()})])
          .then(rs => Promise.all(rs.map(r => r.text().then(t => [r.status, r.url, t.slice(0, 3000)])))).then(done);
    """)
    assert [s[0] for s in statuses] == [200, 200], statuses
    assert statuses[0][1] == statuses[1][1], f"both posts lead to the same page: {statuses}"
    b.open("/my")
    b.sees("我的申请")
    rows = [row for row in b.driver.find_elements("css selector", "main table tbody tr")]
    assert len(rows) == 1, f"one application, not {len(rows)}"
    b.shot("one-application")


def test_the_stopped_clock_and_the_pages_without_dead_links(browser):
    b = browser
    phone = new_phone()
    name = "暂停测试"
    # The community point files it; the workstation pre-approves; the centre asks for materials.
    b.login("shequ1")
    b.open("/applications/new")
    fill_application(b, name, synthetic_id("19680911", random.randint(100, 899)), phone)
    b.press("提交申请")
    b.sees("申请已提交")
    number = b.application_number()
    b.logout()
    b.login("gongzuozhan1")
    b.follow(number)
    b.act("初审通过")
    b.sees("初审通过，已报送法律援助中心")
    b.logout()
    b.login("shencha")
    b.follow(number)
    b.act("中心受理")
    b.act("一次性告知补充材料", {"需要补充的全部材料": "工资欠条原件照片"})
    b.sees("暂停计算")
    b.sees("等待申请人补充材料")  # staff read whose move it is
    b.shot("centre-clock-stopped")
    b.logout()

    # The applicant's lookup says the clock stopped, and gives no stale decision day.
    lookup(b, number, phone[-4:])
    b.sees("起暂停计算")
    assert "前（法律援助法第43条" not in b.text
    b.shot("lookup-clock-stopped")

    # The materials arrive; the centre grants aid and assigns a lawyer.
    b.login("shencha")
    b.follow(number)
    b.act("补充材料", {"补充说明": "申请人已送来欠条原件"})
    b.act("提出审查意见", {"审查意见": "符合条件"})
    b.logout()
    b.login("shenpi")
    b.follow(number)
    b.act("决定给予法律援助")
    b.sees("决定给予法律援助")
    b.logout()
    b.login("shencha")
    b.follow(number)
    b.follow("查看案件办理")
    # The centre picks 秦明 (lvshi1), whatever the rotation suggests.
    panel = b.open_action("指派律师")
    b.driver.execute_script(
        "const s = arguments[0].querySelector('select[name=lawyerID]');"
        "s.value = [...s.options].find(o => o.text.startsWith('秦明')).value;", panel)
    b.act("指派律师")
    b.sees("承办中")
    b.shot("case-assigned")  # the history names the lawyer as text, not markup
    b.logout()

    # The lawyer's case page: the matter is there, and every link opens.
    b.login("lvshi1")
    b.press("案件")
    b.follow(number)
    b.sees("事实和经过")
    links = [a.get_attribute("href") for a in b.driver.find_elements("css selector", "main a[href]")]
    for link in links:
        b.driver.get(link)
        assert "不存在或已被删除" not in b.text, f"dead link for the lawyer: {link}"
    b.logout()

    # The workstation sees the case's state on the application, and no link it cannot open.
    b.login("gongzuozhan1")
    b.follow(number)
    b.sees("承办中")
    assert "查看案件办理" not in b.text
    b.shot("workstation-sees-case-state")
    b.logout()


def test_the_audit_trail_reads_in_chinese_and_holds_refused_access(browser):
    b = browser
    # Another street's staff reach for an application that is not theirs.
    b.login("gongzuozhan1")
    b.sees("工作台")
    first = b.driver.find_element("css selector", "main table tbody tr td a").get_attribute("href")
    b.logout()
    b.login("gongzuozhan2")
    b.driver.get(first)
    b.sees("不存在或已被删除")
    b.logout()

    b.login("shenji")
    b.open("/audit")
    b.fill("事件类别", "越权访问被拒绝")
    b.press("查询")
    b.sees("越权访问被拒绝")
    b.sees("拒绝")
    for code in ("auth.signIn", "personalData.view", "access.denied"):
        assert code not in b.text, f"an event code shown to the auditor: {code}"
    b.shot("audit-refused-access")
