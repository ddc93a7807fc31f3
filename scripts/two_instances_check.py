#!/usr/bin/env python3
"""Checks two Fayuan instances behind nginx on one PostgreSQL (run by scripts/two-instances.sh).

    two_instances_check.py NGINX_URL INSTANCE_A_URL INSTANCE_B_URL DATABASE_URL

Prints one line per check and exits non-zero if any fails. Standard library only (and psql).
"""
import json, re, subprocess, sys, time, urllib.error, urllib.parse, urllib.request, http.cookiejar

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/bench")
from signin import STAFF_PASSWORD, totp, hidden  # noqa: E402

nginx, instance_a, instance_b, database = sys.argv[1:5]
failures = 0


def check(label, ok, detail=""):
    global failures
    print(("ok    " if ok else "FAIL  ") + label + (f" ({detail})" if detail else ""))
    failures += 0 if ok else 1


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def psql(query):
    return subprocess.run(["psql", database, "-tAc", query], check=True, capture_output=True, text=True).stdout.strip()


def wait_for(condition, seconds=15):
    """Polls until condition() is true (returns it), instead of sleeping a fixed time."""
    end = time.time() + seconds
    while True:
        value = condition()
        if value or time.time() > end:
            return value
        time.sleep(0.2)


def served_home(instance):
    status, text = get(instance + "/metrics")
    match = re.search(r'fayuan_http_requests_total\{method="GET",route="/",status="2xx"\} (\d+)', text)
    return int(match.group(1)) if match else 0


# 1. nginx spreads the pages over both instances.
for _ in range(20):
    get(nginx + "/")
a, b = served_home(instance_a), served_home(instance_b)
check("nginx spreads 20 home-page views over both instances", a > 0 and b > 0 and a + b >= 20, f"{a} + {b}")

# 2. A staff sign-in holds on whichever instance answers (sessions live in the database), and
#    the audit trail records the client nginx forwarded, not nginx itself.
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
opener.addheaders = [("X-Forwarded-For", "198.51.100.7")]


def post(path, page, fields):
    fields = dict(fields, _csrf=hidden(page, "_csrf"), _once=hidden(page, "_once"))
    return opener.open(nginx + path, urllib.parse.urlencode(fields).encode()).read().decode()


page = opener.open(nginx + "/login").read().decode()
page = post("/login", page, {"username": "shenpi", "password": STAFF_PASSWORD, "next": ""})
post("/login/second-factor", page, {"code": totp(int(time.time() // 30))})
signed_in = sum(">退出</button>" in opener.open(nginx + "/workbench").read().decode() for _ in range(10))
check("a sign-in holds across both instances", signed_in == 10, f"{signed_in}/10 workbench views signed in")
# The audit sealer runs every second: wait for the sign-in's entry to be sealed.
address = wait_for(lambda: psql("SELECT client_address FROM audit_entries WHERE event = 'auth.signIn' ORDER BY seq DESC LIMIT 1"))
check("the audit trail names the forwarded client", address == "198.51.100.7", address)

# 3. The lookup limit (6 a minute here) counts both instances together.
# Windows are whole minutes: start well inside one, so all eight tries fall in the same window.
if time.time() % 60 > 45:
    time.sleep(61 - time.time() % 60)
answers = [get(nginx + "/api/v1/status?number=FY2026-999999&phoneLast4=0000")[0] for _ in range(8)]
check("the 7th lookup in a minute is refused, whichever instance gets it", answers[:6].count(429) == 0 and 429 in answers[6:], str(answers))

# 3b. A limit belongs to the route, not to the path's spelling: in a fresh minute, three lookups
#     spelled /api/v1/status and four spelled /api/v1/status/ make seven, and the seventh is refused.
time.sleep(61 - time.time() % 60)
plain = [get(nginx + "/api/v1/status?number=FY2026-999998&phoneLast4=0000")[0] for _ in range(3)]
spelled = [get(nginx + "/api/v1/status/?number=FY2026-999998&phoneLast4=0000")[0] for _ in range(4)]
check("/api/v1/status/ counts into the same limit", 429 not in plain + spelled[:3] and spelled[3] == 429, str(plain + spelled))

# 3c. /metrics is never served through nginx, however it is spelled.
for path in ["/metrics", "/metrics/", "/metrics/x", "//metrics", "/%6detrics"]:
    status, _ = get(nginx + path)
    check(f"nginx refuses {path}", status == 404, str(status))

# 4. Both instances sweep deadlines every second. What people see: each staff member sees each
#    alert once on the workbench, and an applicant whose urgent-aid paperwork is overdue gets one
#    SMS and one message per alert, not one from each instance.
psql("UPDATE legal_aid_cases SET decided_on = '2026-01-05', assignment_due = '2026-01-08' WHERE state = 'awaitingAssignment'")
# The applicant owns their application (so the message has an inbox to go to) and the case is
# urgent aid whose paperwork is overdue.
case_row = psql("SELECT id || ',' || application_id FROM legal_aid_cases WHERE state = 'awaitingAssignment' ORDER BY id LIMIT 1").splitlines()
case_id, urgent = (case_row[0].split(",") + [""])[:2] if case_row else ("", "")
citizen = psql("SELECT id FROM accounts WHERE roles = 'citizen' ORDER BY created_at LIMIT 1").splitlines()
if case_id and citizen:
    psql(f"UPDATE applications SET owner_account_id = '{citizen[0]}' WHERE id = '{urgent}'")
    psql(f"UPDATE legal_aid_cases SET origin = 'urgent', paperwork_due = '2026-01-08', paperwork_done_at = NULL WHERE id = '{case_id}'")
check("an applicant's case was made urgent aid with overdue paperwork", bool(re.fullmatch(r"[0-9a-fA-F-]{36}", urgent)), urgent)
paperwork_alerts = lambda: int(psql("SELECT count(DISTINCT key) FROM alerts WHERE kind = 'paperwork'") or 0)
wait_for(lambda: paperwork_alerts() > 0 and int(psql("SELECT count(*) FROM alerts") or 0) > 0)
time.sleep(3)  # three more sweeps by each instance: anything doubled would show now
keys = paperwork_alerts()
sms = int(psql(f"SELECT count(*) FROM sms_outbox WHERE application_id = '{urgent}' AND template IN ('paperworkDue', 'paperworkOverdue')") or 0)
messages = int(psql(f"SELECT count(*) FROM messages WHERE application_id = '{urgent}' AND title LIKE '%补办%'") or 0)
check("the applicant gets one SMS and one message per paperwork alert", keys > 0 and sms == keys and messages == keys,
      f"{keys} alerts, {sms} SMS, {messages} messages")
seen = psql("""SELECT count(*) FROM (SELECT recipient_account_id, message, link FROM alerts GROUP BY 1, 2, 3 HAVING count(*) > 1) d""")
alerts = int(psql("SELECT count(*) FROM alerts"))
check("each staff member sees each alert once", seen == "0" and alerts > 0, f"{alerts} alerts, none shown twice to one person")

sys.exit(1 if failures else 0)
