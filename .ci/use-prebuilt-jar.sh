#!/usr/bin/env bash
# Points Pulumi's Java runtime at the jar built earlier in the job (runtime.options.binary), so each
# `pulumi preview`/`up` starts the program with `java -jar` instead of compiling again through Maven.
set -euo pipefail
jar=target/honeydue-infra-jar-with-dependencies.jar
[ -f "$jar" ] || { echo "use-prebuilt-jar: $jar is missing; run 'mvn -B -DskipTests package' first" >&2; exit 1; }
grep -q '^    binary:' Pulumi.yaml && exit 0
sed -i "s|^  name: java\$|  name: java\n  options:\n    binary: ${jar}|" Pulumi.yaml
grep -q "^    binary: ${jar}\$" Pulumi.yaml || { echo "use-prebuilt-jar: could not edit Pulumi.yaml's runtime block" >&2; exit 1; }
