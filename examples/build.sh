#!/usr/bin/env bash
# examples/build.sh <example>: builds examples/<example>/target/example.jar, the program that example's Pulumi.yaml
# runs (runtime.options.binary). It compiles the example against the library's jar, which it builds first when that
# is missing or older than the library's sources; the example jar finds the library through its manifest Class-Path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:-}
if ! [[ "$name" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]] || [ ! -f "$root/examples/$name/Pulumi.yaml" ]; then
  echo "usage: examples/build.sh <example>, one of: $(find "$root/examples" -mindepth 2 -maxdepth 2 -name Pulumi.yaml -printf "%h\n" | xargs -n1 basename | sort | tr "\n" " ")" >&2
  exit 2
fi
dir=$root/examples/$name
lib=target/honeydue-infra-jar-with-dependencies.jar
if [ ! -f "$root/$lib" ] || [ -n "$(cd "$root" && find src/main provider-sdks pom.xml -newer "$lib" -print -quit)" ]; then
  echo "examples/build.sh: building the library ($lib)" >&2
  if ! out=$(cd "$root" && mvn -B -ntp -q -DskipTests package 2>&1); then echo "$out" >&2; exit 1; fi
fi
rm -rf "$dir/target"
mkdir -p "$dir/target/classes"
mapfile -t sources < <(find "$dir/src/main/java" -name '*.java' | sort)
javac --release 17 -nowarn -cp "$root/$lib" -d "$dir/target/classes" "${sources[@]}"
main=$(grep -l 'public static void main' "${sources[@]}" | head -1)
main=${main#"$dir/src/main/java/"}
main=${main%.java}
printf 'Main-Class: %s\nClass-Path: ../../../%s\n' "${main//\//.}" "$lib" >"$dir/target/manifest.txt"
jar --create --file "$dir/target/example.jar" --manifest "$dir/target/manifest.txt" -C "$dir/target/classes" .
echo "examples/build.sh: examples/$name/target/example.jar (${main//\//.})" >&2
