"""三员分立 and second factor, as people do it: the system administrator creates a reviewer's
account; the new reviewer signs in with the one-time password, scans the QR code with an
authenticator, keeps the recovery codes, chooses a new password and reaches the workbench."""
import random
import subprocess
import time
from urllib.parse import parse_qs, urlparse

from conftest import totp


def test_new_staff_member_enrols_by_qr_code_and_sets_a_password(browser, tmp_path):
    b = browser
    username = "e2e_" + "".join(random.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(6))

    b.login("xitong")
    b.press("账号管理")
    b.fill("登录名", username)
    b.fill("姓名", "测试审查员")
    b.fill("所属机构", "示范区法律援助中心")
    b.fill("岗位", "法援中心审查员")
    b.press("创建账号")
    b.sees("初始密码")
    initial = b.driver.find_element("css selector", ".notice code.key").text.strip()
    b.shot("account-created")
    b.logout()

    b.open("/login")
    b.fill("手机号码或用户名", username)
    b.fill("密码", initial)
    b.press("登录")
    b.sees("启用动态验证码")
    qr = b.driver.find_element("css selector", "svg.qr")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", qr)
    image = tmp_path / "qr.png"
    qr.screenshot(str(image))
    b.shot("enrol")
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True, check=True).stdout.strip()
    assert decoded.startswith("otpauth://totp/"), decoded
    secret = parse_qs(urlparse(decoded).query)["secret"][0]
    assert secret.replace(" ", "") == b.driver.find_element("id", "totp-key").text.replace(" ", "")
    b.fill("验证器显示的6位数字", totp(secret, int(time.time() // 30)))
    b.press("启用并登录")
    b.sees("请保存恢复码")
    b.shot("recovery-codes")
    b.press("我已保存，继续")

    b.sees("请先设置只有您自己知道的新密码")
    b.fill("当前密码", initial)
    b.fill("新密码", "Shen#Cha2026x")
    b.fill("再次输入新密码", "Shen#Cha2026x")
    b.press("修改密码")
    b.sees("密码已修改")
    b.sees("工作台")
    b.shot("workbench")
