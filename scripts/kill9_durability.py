#!/usr/bin/env python3
"""No acknowledged write is lost when the server is killed with SIGKILL.

    scripts/kill9_durability.py RUN_BINARY [POSTGRES_ADMIN_URL]

For SQLite (a fresh data folder) and, when a PostgreSQL URL is given, a fresh PostgreSQL
database: starts the server, has 16 clients create application drafts through the API as fast
as they can, kills the server with SIGKILL in the middle, starts it again on the same data and
checks that every draft the server had answered 201 Created for is there, intact. Meanwhile 4
more clients read those drafts back, each read audited (`personalData.view`): every read the
server answered 200 for must have its audit row after the restart (audit rows are written by
group commit, and a request answers only once its row is committed). Prints one line per
database and exits non-zero if anything acknowledged is missing. Standard library only.
"""
import json
import os
import signal
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

CITIZEN = ("13900000001", "Shenqing@2026")
CLIENTS = 16
READERS = 4
WRITE_SECONDS = 4


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None, token=None, timeout=10):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            is_json = "json" in (response.headers.get("Content-Type") or "")
            return response.status, json.loads(raw) if is_json and raw else raw
    except urllib.error.HTTPError as error:
        return error.code, None


def start(binary, data, port, database_url):
    env = dict(os.environ, FAYUAN_DATA_DIR=data, PORT=str(port), HOST="127.0.0.1", LOG_LEVEL="error",
               FAYUAN_SIGNINS_PER_MINUTE="1000000", FAYUAN_LOOKUPS_PER_MINUTE="1000000",
               FAYUAN_APPLICATION_WRITES_PER_10_MINUTES="1000000", FAYUAN_CONSULTATION_WRITES_PER_10_MINUTES="1000000", FAYUAN_DEADLINE_SWEEP_SECONDS="0")
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    log = open(os.path.join(data, "server.log"), "a")
    server = subprocess.Popen([binary, "serve", "--log", "error"], env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if call(base, "GET", "/healthz", timeout=2)[0] == 200:
                return server, base
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if server.poll() is not None:
            break
        time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not come up (see {data}/server.log)")


def sign_in(base):
    status, body = call(base, "POST", "/api/v1/auth/token", {"username": CITIZEN[0], "password": CITIZEN[1]})
    if status != 201:
        raise SystemExit(f"citizen sign-in answered {status}")
    return body["token"]


def draft(point, n):
    return {"communityPointID": point, "form": {
        "applicant": {"name": f"耐久测试{n}", "phone": "13700001234", "address": "示范区幸福街道测试小区1号"},
        "matter": {"type": "labourWages", "cause": "追索劳动报酬纠纷", "opposingParty": "测试建筑公司",
                   "facts": "工资至今未付。", "helpWanted": "请求支付拖欠工资"},
        "household": {"members": 3, "monthlyIncomeYuan": 2400},
        "integrityPledge": True}}


def check(label, binary, database_url=None):
    data = tempfile.mkdtemp(prefix="fayuan-kill9.")
    port = free_port()
    server, base = start(binary, data, port, database_url)
    token = sign_in(base)
    status, points = call(base, "GET", "/api/v1/community-points", token=token)
    point = next(p["id"] for p in (points["items"] if isinstance(points, dict) else points) if p["kind"] == "communityPoint")

    acknowledged, lock, stop = {}, threading.Lock(), threading.Event()
    numbers, reads = {}, {}  # draft id -> its number; number -> audited reads answered 200

    def writer(worker):
        n = 0
        while not stop.is_set():
            n += 1
            name = f"{worker}-{n}"
            try:
                status, body = call(base, "POST", "/api/v1/applications", draft(point, name), token=token, timeout=5)
            except (urllib.error.URLError, ConnectionError, OSError, ValueError):
                return  # the server is gone
            if status == 201:
                with lock:
                    acknowledged[body["id"]] = name
                    numbers[body["id"]] = body["number"]

    def reader():
        while not stop.is_set():
            with lock:
                known = list(numbers.items())
            if not known:
                time.sleep(0.01)
                continue
            app_id, number = random.choice(known)
            try:
                status, _ = call(base, "GET", f"/api/v1/applications/{app_id}", token=token, timeout=5)
            except (urllib.error.URLError, ConnectionError, OSError, ValueError):
                return
            if status == 200:
                with lock:
                    reads[number] = reads.get(number, 0) + 1

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(CLIENTS)]
    threads += [threading.Thread(target=reader) for _ in range(READERS)]
    for t in threads:
        t.start()
    time.sleep(WRITE_SECONDS)
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    stop.set()
    for t in threads:
        t.join()

    audited = audit_rows(data, database_url)  # before the checks below read (and audit) again
    lost_reads = sum(max(0, count - audited.get(f"application:{number}", 0)) for number, count in reads.items())
    server, base = start(binary, data, port, database_url)
    try:
        token = sign_in(base)
        missing = []
        for app_id, name in acknowledged.items():
            status, body = call(base, "GET", f"/api/v1/applications/{app_id}", token=token)
            if status != 200 or body["form"]["applicant"]["name"] != f"耐久测试{name}":
                missing.append(app_id)
    finally:
        server.terminate()
        server.wait()
    print(f"{label}: {len(acknowledged)} drafts acknowledged before SIGKILL, {len(acknowledged) - len(missing)} found after restart, "
          f"{len(missing)} lost; {sum(reads.values())} audited reads acknowledged, {lost_reads} without their audit row")
    return bool(acknowledged) and not missing and bool(reads) and lost_reads == 0


def audit_rows(data, database_url):
    """The audit rows of reads per target, sealed or still in the inbox, read from the stopped database."""
    query = ("SELECT target, count(*) FROM (SELECT target FROM audit_inbox WHERE event = 'personalData.view' "
             "UNION ALL SELECT target FROM audit_entries WHERE event = 'personalData.view') AS rows GROUP BY target")
    if database_url:
        out = subprocess.run(["psql", database_url, "-At", "-F", "\t", "-c", query], check=True, capture_output=True, text=True).stdout
        rows = [line.split("\t") for line in out.splitlines() if line]
    else:
        with sqlite3.connect(os.path.join(data, "fayuan.sqlite")) as db:
            rows = db.execute(query).fetchall()
    return {target: int(count) for target, count in rows}


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    binary = sys.argv[1]
    ok = check("SQLite", binary)
    if len(sys.argv) > 2:
        admin = sys.argv[2]
        name = f"kill9_{os.getpid()}"
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        ok = check("PostgreSQL", binary, admin.rsplit("/", 1)[0] + "/" + name) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
