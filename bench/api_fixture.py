#!/usr/bin/env python3
"""Prints what bench/http.sh needs from a running server, one `NAME=value` per line: a staff
API token (the centre's reviewer, with the demo authenticator key), a citizen token, a case id,
an application id, the number and phone last four digits of a submitted demo application (for the status
lookup), a community point id and the address of a law article's page. Standard library only.

    bench/api_fixture.py http://127.0.0.1:8080
"""
import json, sys, time, urllib.parse, urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from signin import STAFF_PASSWORD, totp  # noqa: E402


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def main(base):
    staff = call(base, "POST", "/api/v1/auth/token",
                 {"username": "shencha", "password": STAFF_PASSWORD, "code": totp(int(time.time() // 30) + 1)})["token"]
    citizen = call(base, "POST", "/api/v1/auth/token", {"username": "13900000001", "password": "Shenqing@2026"})["token"]
    case = call(base, "GET", "/api/v1/cases?limit=1", token=staff)[0]
    app = call(base, "GET", f"/api/v1/applications/{case['applicationID']}", token=staff)
    # The status lookup takes the public number format (FY…); the demo applications have it.
    submitted, page = None, 1
    while submitted is None:
        listed = call(base, "GET", f"/api/v1/applications?limit=200&page={page}", token=staff)
        if not listed:
            sys.exit("no submitted demo application to look up")
        submitted = next((a["id"] for a in listed if a["number"].startswith("FY") and a["state"] != "draft"), None)
        page += 1
    public = call(base, "GET", f"/api/v1/applications/{submitted}", token=staff)
    points = call(base, "GET", "/api/v1/community-points", token=citizen)
    cited = call(base, "GET", "/api/v1/knowledge/ask?q=" + urllib.parse.quote("法律援助法第四十九条"))
    article = next(item["url"] for item in cited["items"] if item.get("article"))
    print(f"STAFF_TOKEN={staff}")
    print(f"CITIZEN_TOKEN={citizen}")
    print(f"CASE_ID={case['id']}")
    print(f"APPLICATION_ID={app['id']}")
    print(f"NUMBER={public['number']}")
    print(f"PHONE_LAST4={public['form']['applicant']['phone'][-4:]}")
    print(f"POINT_ID={next(p['id'] for p in points if p['kind'] == 'communityPoint')}")
    print(f"ARTICLE_PATH={article}")


if __name__ == "__main__":
    main(sys.argv[1])
