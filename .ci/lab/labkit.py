"""What the lab scenarios stand on: the real Pulumi CLI on the lab stack, kubectl against the lab API server, the
boxes' files and event logs, an SSH probe, and the count of assertions. Used by scenarios.py; stdlib only."""
import json
import os
import re
import socket
import subprocess
import threading
import time

RUN = os.environ["LAB_RUN"]
PROJECT = os.path.join(RUN, "project")
LAB_DIR = os.path.dirname(os.path.abspath(__file__))
KUBECONFIG = os.path.join(RUN, "kube", "admin.kubeconfig")
KUBECTL = os.path.join(os.environ["KBIN"], "kubectl")
LOGS = os.path.join(RUN, "logs")
STACK = "lab"
PREFIX = "10.77.0."
T0 = time.time()


def progress(msg):
    print("[lab %4ds] %s" % (time.time() - T0, msg), flush=True)


class Checks:
    """Counts every assertion; a failure is recorded with its detail and the run goes on."""

    def __init__(self):
        self.count = 0
        self.failures = []
        self.scenario = ""

    def ok(self, what, condition, detail=""):
        self.count += 1
        if condition:
            print("  ok   " + what, flush=True)
        else:
            self.failures.append("%s: %s" % (self.scenario, what))
            print("  FAIL " + what + (("\n      | " + str(detail).replace("\n", "\n      | ")) if detail else ""), flush=True)
        return bool(condition)


def sh(args, cwd=None, input=None, check=True, timeout=1800, log=None, env=None):
    """Runs a command; its output goes to logs/<log> as well (the secret-leak search reads every log)."""
    os.makedirs(LOGS, exist_ok=True)
    p = subprocess.run(args, cwd=cwd, input=input, capture_output=True, text=True, timeout=timeout,
                       env=dict(os.environ, **(env or {})))
    if log:
        with open(os.path.join(LOGS, log), "a") as f:
            f.write("$ %s\n%s\n%s\n" % (" ".join(args), p.stdout, p.stderr))
    if check and p.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s\n%s" % (" ".join(args), p.returncode, p.stdout[-3000:], p.stderr[-3000:]))
    return p


# ---------------------------------------------------------------- the engine
class Engine:
    def __init__(self):
        self.n = 0

    def run(self, *args, check=True, input=None):
        self.n += 1
        cut = args.index("--") if "--" in args else len(args)  # flags go before a `--` that ends them
        argv = ["pulumi", *args[:cut], "--stack", STACK, "--non-interactive", *args[cut:]]
        return sh(argv, cwd=PROJECT, check=check, input=input, log="pulumi-%02d-%s.log" % (self.n, args[0]))

    def config_set(self, key, value, secret=False):
        args = ["config", "set"] + (["--secret"] if secret else []) + ["--", key]
        if secret:
            self.run(*args, input=value)
        else:
            self.run(*args, value)

    def config_list(self, key, values):
        self.run("config", "rm", key, check=False)
        for i, v in enumerate(values):
            self.run("config", "set", "--path", "%s[%d]" % (key, i), v)

    def config_rm(self, key):
        self.run("config", "rm", key, check=False)

    def preview(self, expect_ok=True):
        """The plan: {urn: op} and the raw JSON; a refused preview returns its diagnostics instead."""
        p = self.run("preview", "--json", check=False)
        try:
            d = json.loads(p.stdout)
        except ValueError:
            d = {}
        if expect_ok and p.returncode != 0:
            raise RuntimeError("preview failed:\n" + p.stdout[-3000:] + p.stderr[-3000:])
        ops = {s["urn"]: s["op"] for s in d.get("steps", [])}
        return ops, d, p.returncode

    def up(self, extra=()):
        """`pulumi up --json`, which streams the engine's events, one JSON object per line; returns (seconds, events,
        returncode, output)."""
        self.n += 1
        t = time.time()
        p = sh(["pulumi", "up", "--yes", "--skip-preview", "--json", "--stack", STACK, "--non-interactive", *extra],
               cwd=PROJECT, check=False)
        events = events_of(p.stdout)
        keep(events, p.stderr, "pulumi-%02d-up.log" % self.n)
        return time.time() - t, events, p.returncode, shown(events)[-6000:] + p.stderr[-3000:]

    def destroy(self):
        self.n += 1
        p = sh(["pulumi", "destroy", "--yes", "--skip-preview", "--json", "--stack", STACK, "--non-interactive"],
               cwd=PROJECT, check=False)
        events = events_of(p.stdout)
        keep(events, p.stderr, "pulumi-%02d-destroy.log" % self.n)
        return events, p.returncode, shown(events)[-6000:] + p.stderr[-3000:]


def is_debug(event):
    return event.get("diagnosticEvent", {}).get("severity") == "debug"


def keep(events, stderr, name):
    """The engine's events as an operator's `pulumi up` shows them, for the log and the leak search. The JSON stream
    also carries debug diagnostics (shown only with --debug/-v), which print whole resource responses, secret
    outputs in plain text among them: an engine behaviour, left out here and noted in the README."""
    os.makedirs(LOGS, exist_ok=True)
    with open(os.path.join(LOGS, name), "w") as f:
        for e in events:
            if not is_debug(e):
                f.write(json.dumps(e) + "\n")
        f.write(stderr)


def shown(events):
    return "\n".join(e["diagnosticEvent"].get("message", "") for e in events
                     if "diagnosticEvent" in e and not is_debug(e))


def events_of(stdout):
    events = []
    for line in stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except ValueError:
                pass
    return events


def step_times(events):
    """{urn: (op, start, end)} from an engine event log (timestamps in whole seconds)."""
    out = {}
    for e in events:
        for kind in ("resourcePreEvent", "resOutputsEvent", "resOpFailedEvent"):
            if kind in e:
                md = e[kind]["metadata"]
                urn, op = md["urn"], md["op"]
                start, end = out.get(urn, (op, None, None))[1:]
                if kind == "resourcePreEvent":
                    start = e["timestamp"]
                else:
                    end = e["timestamp"]
                out[urn] = (op, start, end)
    return out


def ops_of(events):
    return {urn: op for urn, (op, _, _) in step_times(events).items()}


def urn(name, type_="command:remote:Command", component="honeydue:cluster:K3sNodeGroup"):
    return "urn:pulumi:%s::honeydue-infra::%s$%s::%s" % (STACK, component, type_, name)


# ---------------------------------------------------------------- the cluster's API and the boxes
def kubectl(*args, check=True):
    # Not logged: the scenarios read Secrets through it (the leak search covers what the program and engine write).
    return sh([KUBECTL, "--kubeconfig", KUBECONFIG, *args], check=check)


def kget(*args):
    return json.loads(kubectl("get", *args, "-o", "json").stdout)


def box_ip(n):
    return PREFIX + str(10 + n)


def box_root(n):
    return sh([os.path.join(LAB_DIR, "boxes.sh"), "root", str(n)]).stdout.strip()


def box_file(n, path):
    try:
        with open(box_root(n) + path) as f:
            return f.read()
    except OSError:
        return None


def box_exec(n, *cmd, check=True):
    return sh([os.path.join(LAB_DIR, "boxes.sh"), "exec", str(n), "--", *cmd], check=check, log="boxes.log")


def box_events(n):
    """The fake k3s' event log of box n: [(time, event, {key: value})]."""
    out = []
    for line in (box_file(n, "/var/log/fake-k3s/events.log") or "").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            kv = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
            out.append((parts[0], parts[1], kv))
    return out


def ssh_ok(n):
    """A real login over SSH with the lab key, as the command provider makes it."""
    p = sh(["ssh", "-i", os.environ["LAB_KEY"], "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5", "-o", "BatchMode=yes",
            "ubuntu@" + box_ip(n), "true"], check=False)
    return p.returncode == 0


class SshProbe:
    """Samples box:22 every 0.2 s (TCP connect + the SSH banner) while a step runs; counts the samples it failed."""

    def __init__(self, n):
        self.ip = box_ip(n)
        self.samples = 0
        self.down = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.samples += 1
            try:
                with socket.create_connection((self.ip, 22), timeout=2) as s:
                    s.settimeout(2)
                    if not s.recv(64).startswith(b"SSH-"):
                        self.down.append("no banner")
            except OSError as e:
                self.down.append("%.1fs: %s" % (time.time() - T0, e))
            time.sleep(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def plan_critical_path(render_dir):
    """PLAN.md's critical path of a render: [(name, type)]."""
    with open(os.path.join(render_dir, "PLAN.md")) as f:
        text = f.read()
    section = text.split("## Critical path", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\d+\. (\S+) \(`([^`]+)`\)", section, re.M)
