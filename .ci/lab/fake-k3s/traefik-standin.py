"""FAKE k3s, lab boxes only: what answers on a node's port 80 while its k3s runs, in place of klipper-lb + Traefik.

For each HTTP request it finds the Ingress rule for the Host header and path (Exact, or Prefix by path segments;
the longest path wins; Ingresses of another class than traefik are ignored), then the backend Service's
EndpointSlices in the lab API server:
  - a ready endpoint: 200, body "lab traefik stand-in: <namespace>/<service>:<port>" (no application runs here);
  - no ready endpoint: 503 "no available server" (Traefik's answer);
  - no rule: 404 "404 page not found" (Traefik's default router).
Middlewares (IP allow-lists, basic auth) are not applied. While the switch file exists (kube.sh traefik off) every
request gets 503. Runs on the kit's python, started and stopped with the fake k3s server.

usage: traefik-standin.py <listen address> <port> <share dir> <api url>
"""
import http.server
import json
import os
import socketserver
import ssl
import sys
import time
import urllib.request

LISTEN, PORT, SHARE, API = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
CTX = ssl.create_default_context(cafile=os.path.join(SHARE, "ca.crt"))
CTX.load_cert_chain(os.path.join(SHARE, "supervisor.crt"), os.path.join(SHARE, "supervisor.key"))
_cache = {"at": 0.0, "ingresses": []}


def get(path):
    req = urllib.request.Request(API + path, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, context=CTX, timeout=5) as resp:
        return json.load(resp)


def ingresses():
    if time.time() - _cache["at"] > 1:
        _cache["ingresses"] = get("/apis/networking.k8s.io/v1/ingresses")["items"]
        _cache["at"] = time.time()
    return _cache["ingresses"]


def path_matches(kind, rule_path, path):
    if kind == "Exact":
        return path == rule_path
    rule = [p for p in rule_path.split("/") if p]
    return [p for p in path.split("/") if p][:len(rule)] == rule


def route(host, path):
    """(namespace, service, port) of the longest matching rule, or None."""
    best, best_len = None, -1
    for ing in ingresses():
        spec, meta = ing.get("spec", {}), ing["metadata"]
        cls = spec.get("ingressClassName") or meta.get("annotations", {}).get("kubernetes.io/ingress.class")
        if cls and cls != "traefik":
            continue
        for rule in spec.get("rules", []):
            if rule.get("host") not in (None, host):
                continue
            for p in rule.get("http", {}).get("paths", []):
                rp = p.get("path", "/")
                if path_matches(p.get("pathType", "Prefix"), rp, path) and len(rp) > best_len:
                    svc = p["backend"]["service"]
                    port = svc.get("port", {})
                    best, best_len = (meta["namespace"], svc["name"], port.get("number") or port.get("name")), len(rp)
    return best


def ready(namespace, service):
    slices = get("/apis/discovery.k8s.io/v1/namespaces/%s/endpointslices?labelSelector=kubernetes.io%%2Fservice-name%%3D%s"
                 % (namespace, service))["items"]
    return any(ep.get("conditions", {}).get("ready") for s in slices for ep in s.get("endpoints") or [])


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        if os.path.exists(os.path.join(SHARE, "traefik-off")):
            return self.reply(503, "traefik is switched off (lab)")
        host = (self.headers.get("Host") or "").split(":")[0]
        path = self.path.split("?")[0]
        try:
            target = route(host, path)
            if target is None:
                return self.reply(404, "404 page not found")
            if not ready(target[0], target[1]):
                return self.reply(503, "no available server")
        except OSError as e:
            return self.reply(502, "Bad Gateway (%s)" % e)
        return self.reply(200, "lab traefik stand-in: %s/%s:%s" % target)

    def reply(self, code, text):
        body = (text + "\n").encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = answer
    do_HEAD = answer

    def log_message(self, fmt, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    Server((LISTEN, PORT), Handler).serve_forever()
