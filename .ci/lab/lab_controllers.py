#!/usr/bin/env python3
"""Stand-ins for two things k3s ships that the lab's API server lacks, as one small polling loop (1 s):

local-path provisioner (rancher.io/local-path): every PVC of a StorageClass with that provisioner that is Pending,
  unbound and has the scheduler's annotation volume.kubernetes.io/selected-node gets a new PV "pvc-<uid>": hostPath
  /var/lib/rancher/k3s/storage/<pv>_<namespace>_<pvc>, node affinity kubernetes.io/hostname=<selected node>, the
  PVC's size, access modes and volume mode, the class's reclaim policy, and a claimRef, so the PV controller binds
  them and the scheduler places the pod on that node. A Released PV it made with reclaim policy Delete is deleted
  (the real provisioner then also removes the directory on the node; nothing is written on the boxes here).

Traefik's Ingress status (k3s on OVH: Traefik behind klipper-lb): every Ingress of class traefik (or of no class)
  gets status.loadBalancer.ingress = the IPs of the Ready nodes (ExternalIP if set, else InternalIP), sorted.
  Off while <switch file> exists (kube.sh traefik off): statuses are then left as they are. (The boxes' :80 is
  fake-k3s/traefik-standin.py, switched by the same file.)

usage: lab_controllers.py <api url> <ca file> <client cert> <client key> <switch file>
"""
import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.request

API, CA, CERT, KEY, TRAEFIK_OFF = sys.argv[1:6]
PROVISIONER = "rancher.io/local-path"
CTX = ssl.create_default_context(cafile=CA)
CTX.load_cert_chain(CERT, KEY)


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def call(method, path, body=None, ctype="application/json"):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(API + path, data=data, method=method,
                                 headers={"Content-Type": ctype, "Accept": "application/json"})
    with urllib.request.urlopen(req, context=CTX, timeout=10) as resp:
        return json.load(resp)


def provision():
    classes = {c["metadata"]["name"]: c for c in call("GET", "/apis/storage.k8s.io/v1/storageclasses")["items"]
               if c.get("provisioner") == PROVISIONER}
    for pvc in call("GET", "/api/v1/persistentvolumeclaims")["items"]:
        meta, spec = pvc["metadata"], pvc["spec"]
        node = meta.get("annotations", {}).get("volume.kubernetes.io/selected-node")
        sc = classes.get(spec.get("storageClassName") or "")
        if not (sc and node) or spec.get("volumeName") or pvc.get("status", {}).get("phase") != "Pending":
            continue
        name = "pvc-" + meta["uid"]
        pv = {
            "apiVersion": "v1", "kind": "PersistentVolume",
            "metadata": {"name": name, "annotations": {"pv.kubernetes.io/provisioned-by": PROVISIONER,
                                                        "local.path.provisioner/selected-node": node}},
            "spec": {
                "capacity": {"storage": spec["resources"]["requests"]["storage"]},
                "accessModes": spec.get("accessModes", ["ReadWriteOnce"]),
                "volumeMode": spec.get("volumeMode", "Filesystem"),
                "persistentVolumeReclaimPolicy": sc.get("reclaimPolicy", "Delete"),
                "storageClassName": sc["metadata"]["name"],
                "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "namespace": meta["namespace"],
                             "name": meta["name"], "uid": meta["uid"]},
                "hostPath": {"path": "/var/lib/rancher/k3s/storage/%s_%s_%s" % (name, meta["namespace"], meta["name"]),
                             "type": "DirectoryOrCreate"},
                "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [
                    {"key": "kubernetes.io/hostname", "operator": "In", "values": [node]}]}]}},
            },
        }
        try:
            call("POST", "/api/v1/persistentvolumes", pv)
            log("local-path: created %s for %s/%s on %s" % (name, meta["namespace"], meta["name"], node))
        except urllib.error.HTTPError as e:
            if e.code != 409:
                raise
    for pv in call("GET", "/api/v1/persistentvolumes")["items"]:
        meta = pv["metadata"]
        if (meta.get("annotations", {}).get("pv.kubernetes.io/provisioned-by") == PROVISIONER
                and pv.get("status", {}).get("phase") == "Released"
                and pv["spec"].get("persistentVolumeReclaimPolicy") == "Delete"):
            call("DELETE", "/api/v1/persistentvolumes/" + meta["name"])
            log("local-path: deleted released %s" % meta["name"])


def node_ips():
    ips = set()
    for node in call("GET", "/api/v1/nodes")["items"]:
        status = node.get("status", {})
        if not any(c["type"] == "Ready" and c["status"] == "True" for c in status.get("conditions", [])):
            continue
        addrs = {a["type"]: a["address"] for a in status.get("addresses", [])}
        ip = addrs.get("ExternalIP") or addrs.get("InternalIP")
        if ip:
            ips.add(ip)
    return sorted(ips, key=lambda ip: tuple(int(p) if p.isdigit() else 0 for p in ip.split(".")))


def publish_ingress_status():
    if os.path.exists(TRAEFIK_OFF):
        return
    ips = node_ips()
    if not ips:
        return
    want = [{"ip": ip} for ip in ips]
    for ing in call("GET", "/apis/networking.k8s.io/v1/ingresses")["items"]:
        meta = ing["metadata"]
        cls = ing["spec"].get("ingressClassName") or meta.get("annotations", {}).get("kubernetes.io/ingress.class")
        if cls and cls != "traefik":
            continue
        if ing.get("status", {}).get("loadBalancer", {}).get("ingress") == want:
            continue
        call("PATCH", "/apis/networking.k8s.io/v1/namespaces/%s/ingresses/%s/status" % (meta["namespace"], meta["name"]),
             {"status": {"loadBalancer": {"ingress": want}}}, "application/merge-patch+json")
        log("traefik: %s/%s -> %s" % (meta["namespace"], meta["name"], " ".join(ips)))


def main():
    log("running: local-path provisioner, Traefik ingress status (off while %s exists)" % TRAEFIK_OFF)
    last_error = None
    while True:
        for step in (provision, publish_ingress_status):
            try:
                step()
            except (OSError, urllib.error.URLError, KeyError, ValueError) as e:
                msg = "%s: %s" % (step.__name__, e)
                if msg != last_error:
                    log(msg)
                last_error = msg
        time.sleep(1)


if __name__ == "__main__":
    main()
