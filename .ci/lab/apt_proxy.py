#!/usr/bin/env python3
"""The lab's apt proxy: an HTTP forward proxy on the host end of the lab bridge, limited to the Debian mirror,
with a cache shared by every box and every run.

Boxes have no route beyond the bridge; their apt (Acquire::http::Proxy) talks only to this proxy, which fetches
from the allowed mirror host(s) and nothing else (403). It also serves .ci/verify/node-sandbox.sh. A disk cache:
  - content-addressed or versioned files (`/pool/...` packages, `/by-hash/...` indexes) are cached forever;
  - `InRelease`, `Release`, `Release.gpg` are cached for RELEASE_TTL seconds, so three boxes running
    `apt-get update` together fetch them once;
  - anything else passes through.
GET/HEAD only (apt over http needs nothing more).

usage: apt_proxy.py <listen address> <port> <cache dir> <allowed host>...
"""
import http.client
import http.server
import os
import socketserver
import sys
import tempfile
import time
import urllib.parse

LISTEN, PORT, CACHE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ALLOWED = set(sys.argv[4:])
RELEASE_TTL = 600
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}
RELEASE_FILES = ("/InRelease", "/Release", "/Release.gpg")


def cache_path(host, path):
    """The cache file for a URL, or None when the URL is not cacheable."""
    forever = "/pool/" in path or "/by-hash/" in path
    release = path.endswith(RELEASE_FILES)
    if not (forever or release):
        return None, None
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") for p in parts):
        return None, None
    return os.path.join(CACHE, host, *parts), (None if forever else RELEASE_TTL)


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _send(self, status, reason, headers, body):
        self.send_response(status, reason)
        for k, v in headers:
            if k.lower() not in HOP_BY_HOP and k.lower() != "content-length":
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    cache_state = "-"

    def _forward(self):
        url = urllib.parse.urlsplit(self.path)
        if url.scheme != "http" or url.hostname not in ALLOWED:
            self.send_error(403, "only http://%s is proxied" % " ".join(sorted(ALLOWED)))
            return
        path = url.path + ("?" + url.query if url.query else "")
        cached, ttl = cache_path(url.hostname, url.path) if self.command == "GET" and not url.query else (None, None)
        if cached and os.path.isfile(cached) and (ttl is None or time.time() - os.path.getmtime(cached) < ttl):
            with open(cached, "rb") as f:
                body = f.read()
            self.cache_state = "hit"
            self._send(200, "OK", [("Content-Type", "application/octet-stream"), ("X-Lab-Cache", "hit")], body)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        if cached:  # fetch the whole file so it can be cached: no conditional or partial request upstream
            for k in list(headers):
                if k.lower() in ("if-modified-since", "if-none-match", "range", "if-range"):
                    del headers[k]
        conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
        try:
            conn.request(self.command, path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
        except OSError as e:
            self.send_error(502, str(e))
            return
        finally:
            conn.close()
        self.cache_state = "miss" if cached else "pass"
        if cached and resp.status == 200:
            os.makedirs(os.path.dirname(cached), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(cached), prefix=".part-")
            with os.fdopen(fd, "wb") as f:
                f.write(body)
            os.replace(tmp, cached)
        self._send(resp.status, resp.reason, resp.getheaders(), body)

    do_GET = _forward
    do_HEAD = _forward

    def log_message(self, fmt, *args):  # one line per request, for the proxy log
        sys.stderr.write("%s %s %s\n" % (time.strftime("%H:%M:%S"), self.cache_state, fmt % args))


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    Server((LISTEN, PORT), Proxy).serve_forever()
