"""A stand-in for the SMS provider during the browser journeys (scripts/test.sh starts it).

The server sends its SMS here exactly as it would to the provider (FAYUAN_SMS_GATEWAY=provider);
this answers "OK" and keeps what it was sent, so a journey can read the text a person's phone
would show — the other side's reply link, a signing code — through GET /messages?phone=….
Synthetic numbers only; nothing is written to disk.
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

received = []
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _answer(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        with lock:
            received.append({"phone": form.get("PhoneNumbers", ""), "template": form.get("TemplateCode", ""),
                             "params": json.loads(form.get("TemplateParam") or "{}")})
            count = len(received)
        self._answer(200, {"Code": "OK", "Message": "OK", "BizId": f"e2e-{count}", "RequestId": "e2e"})

    def do_GET(self):
        query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        with lock:
            found = [m for m in received if m["phone"] == query.get("phone", m["phone"]) and m["template"] == query.get("template", m["template"])]
        self._answer(200, found)


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.serve_forever()
