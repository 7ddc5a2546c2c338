#!/usr/bin/env python3
"""Firewall assertions on a sandbox node, from `ufw status verbose` and `iptables-save`.

  fwcheck.py assert <state dir> <firewall .env> <k3s .env>
      state dir holds ufw-status.txt, iptables.txt (iptables-save) of the node after the firewall step.
      Expected facts come from the plan: peers = the k3s step's --tls-san IPs minus its own --node-ip
      (independent of the firewall step's own rule list); HTTP(S) sources = the plan's 80/443 rules.
  fwcheck.py normalize <iptables-save file>   ruleset without counters and timestamps (for before/after diffs)

ssh_accepted(text) walks the filter table the way the kernel would for a NEW TCP packet to port 22 from an
outside address, so a probe sample says whether SSH would be let in at that instant.
"""
import ipaddress
import json
import re
import shlex
import sys

OUTSIDE = ipaddress.ip_address("203.0.113.9")  # TEST-NET-3: some address that is no peer and no CIDR


def parse_filter(text):
    policies, chains, in_filter = {}, {}, False
    for line in text.splitlines():
        if line.startswith("*"):
            in_filter = line == "*filter"
        elif not in_filter:
            continue
        elif line.startswith(":"):
            name, policy = line[1:].split()[:2]
            policies[name] = policy
            chains.setdefault(name, [])
        elif line.startswith("-A "):
            words = shlex.split(line)
            chains.setdefault(words[1], []).append(words[2:])
    return policies, chains


def _ports_match(spec, port):
    for part in spec.split(","):
        lo, _, hi = part.partition(":")
        if int(lo) <= port <= int(hi or lo):
            return True
    return False


def rule_matches(words, pkt):
    """True/False for a rule's match part against pkt; unknown matches count as not matching."""
    i, negate = 0, False
    while i < len(words):
        w = words[i]
        if w in ("-j", "-g"):
            return True
        if w == "!":
            negate = True
            i += 1
            continue
        val = words[i + 1] if i + 1 < len(words) else ""
        if w == "-m":
            i += 2
            continue
        if w == "-i":
            ok = val == pkt["iface"]
        elif w == "-o":
            ok = True
        elif w == "-p":
            ok = val == pkt["proto"]
        elif w == "-s":
            ok = pkt["src"] in ipaddress.ip_network(val, strict=False)
        elif w == "-d":
            ok = pkt["dst"] in ipaddress.ip_network(val, strict=False)
        elif w in ("--dport", "--dports", "--destination-port"):
            ok = _ports_match(val, pkt["dport"])
        elif w in ("--sport", "--sports", "--source-port"):
            ok = _ports_match(val, pkt["sport"])
        elif w in ("--ctstate", "--state"):
            ok = pkt["state"] in val.split(",")
        elif w == "--dst-type":
            ok = val == "LOCAL"
        elif w == "--icmp-type":
            ok = False
        elif w in ("--limit", "--limit-burst", "--log-prefix", "--comment", "--mask", "--rsource"):
            ok = True
        else:
            return False
        if ok == negate:
            return False
        negate = False
        i += 2
    return True


def verdict(policies, chains, chain, pkt, depth=0):
    if depth > 20:
        return "DROP"
    for words in chains.get(chain, []):
        if not rule_matches(words, pkt):
            continue
        target = words[words.index("-j") + 1] if "-j" in words else None
        if target in ("ACCEPT", "DROP", "REJECT"):
            return target
        if target == "RETURN":
            return None
        if target in chains:
            v = verdict(policies, chains, target, pkt, depth + 1)
            if v:
                return v
    return None


def accepts(text, proto, dport, src):
    policies, chains = parse_filter(text)
    pkt = {"iface": "eth0", "proto": proto, "dport": dport, "sport": 40000, "src": src,
           "dst": ipaddress.ip_address("10.0.0.2"), "state": "NEW"}
    v = verdict(policies, chains, "INPUT", pkt) or policies.get("INPUT", "ACCEPT")
    return v == "ACCEPT"


def ssh_accepted(text):
    return accepts(text, "tcp", 22, OUTSIDE)


def normalize(text):
    out = []
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        out.append(re.sub(r"\[\d+:\d+\]", "[-]", line))
    return "\n".join(out) + "\n"


def env_value(path, key):
    text = open(path).read()
    m = re.search(r"^%s='((?:[^']|'\"'\"')*)'" % key, text, re.M)
    return m.group(1).replace("'\"'\"'", "'") if m else None


def ufw_rules(status):
    rules = []
    for line in status.splitlines():
        parts = re.split(r"\s{2,}", line.strip())
        if len(parts) >= 3 and parts[1].startswith(("ALLOW", "DENY", "REJECT", "LIMIT")):
            to, action, src = parts[0], parts[1], re.sub(r"\s+#.*$", "", parts[2])
            rules.append((to, action, src))
    return rules


def assert_state(state_dir, fw_env, k3s_env):
    status = open(state_dir + "/ufw-status.txt").read()
    ipt = open(state_dir + "/iptables.txt").read()
    config = env_value(k3s_env, "K3S_CONFIG")  # config.yaml as the program writes it: key: "value", lists as - "x"
    own = re.search(r'^node-ip: "(.*)"$', config, re.M).group(1)
    sans = re.search(r'^tls-san:\n((?:  - ".*"\n)+)', config, re.M).group(1)
    peers = sorted(set(re.findall(r'  - "(.*)"', sans)) - {own})
    plan = env_value(fw_env, "UFW_RULES").splitlines()
    wireguard = re.search(r'^flannel-backend: "wireguard-native"$', config, re.M) is not None
    results = []

    def check(what, ok):
        results.append((what, bool(ok)))

    rules = ufw_rules(status)
    v4 = [r for r in rules if "(v6)" not in r[0]]
    check("ufw active", "Status: active" in status)
    check("default deny incoming, allow outgoing", re.search(r"Default: deny \(incoming\), allow \(outgoing\)", status))
    check("iptables INPUT policy DROP", parse_filter(ipt)[0].get("INPUT") == "DROP")
    check("22/tcp allowed from anywhere (ufw)", ("22/tcp", "ALLOW IN", "Anywhere") in v4)
    check("22/tcp accepted for an outside address (iptables walk)", ssh_accepted(ipt))
    peer_ports = [("2379:2380/tcp", "tcp", 2379), ("10250/tcp", "tcp", 10250), ("8472/udp", "udp", 8472)]
    if wireguard:
        peer_ports.append(("51820/udp", "udp", 51820))
    for to, proto, port in peer_ports:
        sources = sorted(src for t, a, src in v4 if t == to and a.startswith("ALLOW"))
        check("%s allowed exactly from peers %s (ufw: %s)" % (to, ", ".join(peers), ", ".join(sources) or "none"),
              sources == peers)
        for p in peers:
            check("%s/%s accepted from peer %s (iptables walk)" % (port, proto, p),
                  accepts(ipt, proto, port, ipaddress.ip_address(p)))
        check("%s/%s dropped from an outside address (iptables walk)" % (port, proto),
              not accepts(ipt, proto, port, OUTSIDE))
    for net in ("10.42.0.0/16", "10.43.0.0/16"):
        if "allow from %s" % net in plan:
            check("everything allowed from %s (ufw; k3s UFW guidance, IPVS)" % net, ("Anywhere", "ALLOW IN", net) in v4)
    http = [r for r in plan if re.search(r"(^allow (80|443)/tcp$)|port (80|443) proto tcp$", r)]
    for port in ("80", "443"):
        want = sorted("Anywhere" if r == "allow %s/tcp" % port else r.split()[2]
                      for r in http if r.endswith("%s/tcp" % port) or r.endswith("port %s proto tcp" % port))
        got = sorted(src for t, a, src in v4 if t in ("%s/tcp" % port, port) and a.startswith("ALLOW"))
        check("%s/tcp allowed exactly from %s (ufw: %s)" % (port, ", ".join(want), ", ".join(got) or "none"),
              want and got == want)
        world = want == ["Anywhere"]
        check("%s/tcp from an outside address %s (iptables walk)" % (port, "accepted" if world else "dropped"),
              accepts(ipt, "tcp", int(port), OUTSIDE) == world)
    check("no ufw rule that the plan does not have (%d rules)" % len(v4), len(v4) == len([r for r in plan
          if r.startswith("allow")]))
    fails = 0
    for what, ok in results:
        print("  %s %s" % ("ok  " if ok else "FAIL", what))
        fails += 0 if ok else 1
    print(json.dumps({"rules": len(v4), "checks": len(results), "failures": fails}))
    return 1 if fails else 0


if __name__ == "__main__":
    if sys.argv[1] == "normalize":
        sys.stdout.write(normalize(open(sys.argv[2]).read()))
    elif sys.argv[1] == "assert":
        sys.exit(assert_state(*sys.argv[2:5]))
    elif sys.argv[1] == "env":
        sys.stdout.write(env_value(sys.argv[2], sys.argv[3]))
    elif sys.argv[1] == "ssh":
        sys.exit(0 if ssh_accepted(open(sys.argv[2]).read()) else 1)
