#!/usr/bin/env python3
"""Validate every rendered Kubernetes object (build/render/<stack>/k8s/*.yaml).

- Built-in kinds: kubernetes-validate, strict mode (unknown fields are errors), Kubernetes 1.34 schemas.
- Server-side-apply patches (file kind ends in "patch", e.g. NodePatch): the same strict schema, except that
  `required` is not enforced, because a patch carries only the fields it owns. Unknown fields and wrong types
  still fail.
- Custom resources whose CRD schema ships in a registry package (Traefik traefik.io/v1alpha1 via the npm package
  @kubernetes-models/traefik): validated with that package's validator (crd-validate.mjs).
- Any other custom resource: reported as skipped, with the reason.

Prints one line per object and a final JSON line: {"objects": N, "skipped": K, "failures": F}.
"""
import json
import os
import re
import subprocess
import sys

import jsonschema
import kubernetes_validate
import yaml
from kubernetes_validate import utils as kv
from referencing import Registry, Resource

K8S_VERSION = "1.34"
CRD_PACKAGES = {"traefik.io/v1alpha1": "npm @kubernetes-models/traefik"}
NO_SCHEMA_REASON = {
    "helm.cattle.io/v1": "k3s helm-controller CRD: no PyPI/npm/Debian package ships its schema",
    "kyverno.io/v1": "Kyverno CRD: not validated here (no registry package wired in)",
}


def schema_version():
    """The newest bundled schema set that is not newer than K8S_VERSION."""
    versions = [v for v in kv.all_versions() if kv.major_minor(v) <= K8S_VERSION]
    return versions[-1]


def is_builtin(api_version):
    """Groups served by the API server itself: core (v1), dotless groups (apps, batch...) and *.k8s.io."""
    group = api_version.split("/")[0] if "/" in api_version else ""
    return group == "" or "." not in group or group.endswith(".k8s.io")


def validate_patch(obj):
    """Strict schema of the kind, without `required`: an SSA patch owns only some fields."""
    version = schema_version()
    schema_dir = "v%s-local-strict" % version
    api = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", obj["apiVersion"])
    schema = kv.schema_contents("kubernetes-json-schema/%s/%s-%s.json" % (schema_dir, obj["kind"].lower(), api), version)
    defs = kv.schema_contents("kubernetes-json-schema/%s/_definitions.json" % schema_dir, version)
    registry = Resource.from_contents(defs) @ (Resource.from_contents(schema) @ Registry())
    lax = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"required": None})
    errors = sorted(lax(schema, registry=registry).iter_errors(obj), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        raise ValueError("%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "<root>", e.message))


def main(render_dirs, npm_prefix):
    objects = skipped = failures = 0
    crds = []
    print("kubernetes-validate %s; schemas for Kubernetes %s (bundled: %s .. %s), strict"
          % (kubernetes_validate.__version__ if hasattr(kubernetes_validate, "__version__") else "?",
             schema_version(), kv.all_versions()[0], kv.latest_version()))
    for render_dir in render_dirs:
        k8s_dir = os.path.join(render_dir, "k8s")
        files = sorted(f for f in os.listdir(k8s_dir) if f.endswith((".yaml", ".yml"))) if os.path.isdir(k8s_dir) else []
        for name in files:
            path = os.path.join(k8s_dir, name)
            label = os.path.relpath(path, os.path.dirname(render_dir))
            with open(path) as fh:
                docs = [d for d in yaml.safe_load_all(fh) if d is not None]
            if len(docs) != 1:
                print("  FAIL %s: expected one object per file, found %d" % (label, len(docs)))
                failures += 1
                continue
            obj = docs[0]
            objects += 1
            api, kind = obj.get("apiVersion", ""), obj.get("kind", "")
            file_kind = name.split("-")[1] if name.count("-") >= 3 else ""
            patch = file_kind == kind.lower() + "patch"
            if is_builtin(api):
                try:
                    if patch:
                        validate_patch(obj)
                    else:
                        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)
                    print("  ok   %s (%s %s%s)" % (label, api, kind, ", SSA patch: strict, required not enforced" if patch else ", strict"))
                except (kv.ValidationError, jsonschema.ValidationError) as e:
                    failures += 1
                    path_s = "/".join(str(p) for p in e.absolute_path) or "<root>"
                    print("  FAIL %s (%s %s): %s: %s" % (label, api, kind, path_s, e.message))
                except kv.SchemaNotFoundError as e:
                    failures += 1
                    print("  FAIL %s: %s" % (label, e.message))
                except Exception as e:  # a schema problem in a patch, or an unreadable object
                    failures += 1
                    print("  FAIL %s (%s %s): %s" % (label, api, kind, e))
            elif api in CRD_PACKAGES and npm_prefix:
                crds.append({"file": label, "object": obj})
            else:
                skipped += 1
                print("  skip %s (%s %s): %s" % (label, api, kind,
                                                NO_SCHEMA_REASON.get(api, "custom resource without a schema package")))
    if crds:
        out = subprocess.run(["node", os.path.join(os.path.dirname(__file__), "crd-validate.mjs"), npm_prefix],
                             input=json.dumps(crds), capture_output=True, text=True)
        results = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        if out.returncode != 0 or len(results) != len(crds):
            failures += len(crds)
            print("  FAIL CRD validator did not answer for every object: %s" % out.stderr.strip()[-500:])
        for r in results:
            obj = next(c["object"] for c in crds if c["file"] == r["file"])
            src = CRD_PACKAGES[obj["apiVersion"]]
            if r["ok"]:
                print("  ok   %s (%s %s, schema from %s; unknown fields not checked)" % (r["file"], obj["apiVersion"], obj["kind"], src))
            else:
                failures += 1
                print("  FAIL %s (%s %s, schema from %s): %s" % (r["file"], obj["apiVersion"], obj["kind"], src, r["error"]))
    print(json.dumps({"objects": objects, "skipped": skipped, "failures": failures}))
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    npm = None
    if args and args[0].startswith("--npm-prefix="):
        npm = args.pop(0).split("=", 1)[1]
    sys.exit(main(args, npm))
