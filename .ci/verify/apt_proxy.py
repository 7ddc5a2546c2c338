#!/usr/bin/env python3
"""A minimal HTTP forward proxy for apt inside the sandbox's network namespace.

The sandbox namespace has no route to the outside; its apt (configured with Acquire::http::Proxy) talks only to
this proxy on the host end of the veth pair, and the proxy fetches from the one Debian mirror host it is told to
allow. Anything else gets 403. GET/HEAD only (apt over http needs nothing more).

usage: apt_proxy.py <listen address> <port> <allowed host>...
"""
import http.client
import http.server
import socketserver
import sys
import urllib.parse

ALLOWED = set(sys.argv[3:])
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _forward(self):
        url = urllib.parse.urlsplit(self.path)
        if url.scheme != "http" or url.hostname not in ALLOWED:
            self.send_error(403, "only http://%s is proxied" % " ".join(sorted(ALLOWED)))
            return
        conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
        path = url.path + ("?" + url.query if url.query else "")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        try:
            conn.request(self.command, path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
        except OSError as e:
            self.send_error(502, str(e))
            return
        finally:
            conn.close()
        self.send_response(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() not in HOP_BY_HOP and k.lower() != "content-length":
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = _forward
    do_HEAD = _forward

    def log_message(self, fmt, *args):  # quiet; apt reports its own failures
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    Server((sys.argv[1], int(sys.argv[2])), Proxy).serve_forever()
