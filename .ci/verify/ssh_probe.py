#!/usr/bin/env python3
"""Probe SSH on a sandbox node in a tight loop while a step runs there.

Each sample (a) opens a TCP connection from the host end of the veth to <addr>:22 and reads the SSH banner,
and (b) dumps the namespace's iptables ruleset and checks that a new TCP connection to port 22 is accepted.
Runs until <stop file> exists (bounded by --max-seconds), then prints a JSON summary.

usage: ssh_probe.py <netns> <root dir> <addr> <stop file> [--max-seconds N]
"""
import json
import os
import socket
import subprocess
import sys
import time

import fwcheck


def banner(addr):
    try:
        with socket.create_connection((addr, 22), timeout=1.0) as s:
            s.settimeout(1.0)
            return s.recv(64).startswith(b"SSH-")
    except OSError:
        return False


def main():
    netns, root, addr, stop = sys.argv[1:5]
    max_seconds = float(sys.argv[6]) if len(sys.argv) > 6 and sys.argv[5] == "--max-seconds" else 600
    samples, tcp_down, rule_down, first = 0, 0, 0, []
    start = time.monotonic()
    while not os.path.exists(stop) and time.monotonic() - start < max_seconds:
        ok_tcp = banner(addr)
        dump = subprocess.run(["ip", "netns", "exec", netns, "chroot", root, "iptables-save", "-t", "filter"],
                              capture_output=True, text=True)
        ok_rule = dump.returncode == 0 and fwcheck.ssh_accepted(dump.stdout)
        samples += 1
        t = round(time.monotonic() - start, 3)
        if not ok_tcp:
            tcp_down += 1
            first.append("t=%ss: no SSH banner from %s:22" % (t, addr))
        if not ok_rule:
            rule_down += 1
            first.append("t=%ss: iptables would not accept a new connection to 22/tcp" % t)
    print(json.dumps({"samples": samples, "seconds": round(time.monotonic() - start, 1),
                      "tcp_down": tcp_down, "rule_down": rule_down, "first_failures": first[:5]}))


if __name__ == "__main__":
    main()
