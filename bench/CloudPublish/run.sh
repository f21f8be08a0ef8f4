#!/usr/bin/env bash
# Publishing the sample AppHost's patterns as a CDK cloud assembly: cold synthesis, cached re-publish, and the real
# npm construct synthesising the same two stacks with the same assets.
# Usage: bench/CloudPublish/run.sh [cold-runs=5] [cached-runs=11]
# Needs: .NET 10 SDK, Node.js; the peer needs `npm ci` in bench/CloudPublish/node (skipped with a note if absent).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cold=${1:-5}
cached=${2:-11}
export JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
wall_ms() { local t0 t1; t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

dotnet build "$here/CloudPublish.csproj" -c Release -nologo -v q -clp:ErrorsOnly
dll=$(find "$here/bin/Release" -name CloudPublish.dll | head -1)

# The .NET handler packaged once, as the publish step does (self-contained linux-x64, apphost renamed bootstrap).
dotnet publish "$repo/src/Handler.Sample/Handler.Sample.csproj" -c Release -r linux-x64 --self-contained true -o "$work/handler" --nologo -v q --disable-build-servers > /dev/null
mv "$work/handler/Handler.Sample" "$work/handler/bootstrap"
node_code="$repo/src/AppHost.Sample/lambda"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GB; .NET $(dotnet --version); Node $(node --version); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "handler asset: $(du -sh "$work/handler" | cut -f1), $(find "$work/handler" -type f | wc -l) files"

echo "ours, cold synthesis (new process each, ClearCache; columns: in PublishAsync ms, since process start ms; wall ms):"
cold_in=(); cold_wall=()
for i in $(seq "$cold"); do
  t0=$(date +%s%N)
  line=$(dotnet "$dll" --cold "$repo" "$work/handler" "$work/staging" "$work/out")
  t1=$(date +%s%N)
  wall=$(( (t1 - t0) / 1000000 ))
  echo "  run $i: $line; wall $wall"
  cold_in+=("${line%% *}"); cold_wall+=("$wall")
done
echo "  median in PublishAsync: $(printf '%s\n' "${cold_in[@]}" | median) ms; median wall: $(printf '%s\n' "${cold_wall[@]}" | median) ms"

echo "ours, cached re-publish of the unchanged declaration (new process each):"
cached_in=()
for i in $(seq "$cached"); do
  line=$(dotnet "$dll" --cached "$repo" "$work/handler" "$work/staging" "$work/out")
  echo "  run $i: $line"
  cached_in+=("${line%% *}")
done
echo "  median in PublishAsync: $(printf '%s\n' "${cached_in[@]}" | median) ms"

if [ -d "$here/node/node_modules/@aws-solutions-constructs/aws-dynamodbstreams-lambda" ]; then
  echo "npm construct, cold synthesis of the same two stacks (new node process each; in-script ms; wall ms):"
  peer_wall=()
  for i in $(seq "$cold"); do
    t0=$(date +%s%N)
    line=$(node "$here/node/synth.js" "$work/handler" "$node_code")
    t1=$(date +%s%N)
    wall=$(( (t1 - t0) / 1000000 ))
    echo "  run $i: $line; wall $wall"
    peer_wall+=("$wall")
  done
  echo "  median wall: $(printf '%s\n' "${peer_wall[@]}" | median) ms"
else
  echo "npm construct: not installed (run 'npm ci' in $here/node to compare)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
