#!/usr/bin/env python3
"""Signs a demo staff account in through the pages (password, then the authenticator code)
and prints `COOKIE URL`: the session cookie and the first application page on the workbench.
Standard library only, so a benchmark needs nothing installed.

    bench/signin.py http://127.0.0.1:8080 shencha
"""
import base64, hashlib, hmac, http.cookiejar, re, struct, sys, time, urllib.parse, urllib.request

STAFF_PASSWORD = "Fayuan@2026"
DEMO_TOTP_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp(step):
    mac = hmac.new(base64.b32decode(DEMO_TOTP_KEY), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def hidden(page, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    return match.group(1) if match else ""


def main(base, username):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path, page, fields):
        fields = dict(fields, _csrf=hidden(page, "_csrf"), _once=hidden(page, "_once"))
        return opener.open(base + path, urllib.parse.urlencode(fields).encode()).read().decode()

    page = opener.open(base + "/login").read().decode()
    page = post("/login", page, {"username": username, "password": STAFF_PASSWORD, "next": ""})
    post("/login/second-factor", page, {"code": totp(int(time.time() // 30))})
    workbench = opener.open(base + "/workbench").read().decode()
    match = re.search(r'href="(/applications/[0-9A-Fa-f-]{36})"', workbench)
    cookie = next((c for c in jar if c.name == "fayuan_session"), None)
    if not match or cookie is None:
        sys.exit(f"sign-in as {username} did not reach the workbench")
    print(f"fayuan_session={cookie.value} {base}{match.group(1)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "shencha")
