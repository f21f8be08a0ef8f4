#!/usr/bin/env bash
# Synthesis time of the default DynamoDBStreamsToLambda stack: ours (C#, jsii) and the real npm construct (TypeScript).
# Usage: bench/ConstructSynth/run.sh [cold-runs=7] [warm-runs=20]
# Needs: .NET 10 SDK, Node.js; the peer needs `npm ci` in bench/ConstructSynth/node (skipped with a note if absent).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cold=${1:-7}
warm=${2:-20}
export JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
wall_ms() { local t0 t1; t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

dotnet build "$here/ConstructSynth.csproj" -c Release -nologo -v q -clp:ErrorsOnly
dll=$(find "$here/bin/Release" -name ConstructSynth.dll | head -1)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GB; .NET $(dotnet --version); Node $(node --version)"

echo "C# cold (new process, wall ms, $cold runs):"
ours_cold=$(for _ in $(seq "$cold"); do wall_ms dotnet "$dll" --cold; done)
echo "  runs: $(echo $ours_cold)  median: $(echo "$ours_cold" | median)"

ours_warm=$(dotnet "$dll" --warm "$warm")
echo "C# in one process (ms, $warm runs): first (jsii start) $(echo "$ours_warm" | head -1); warm median $(echo "$ours_warm" | tail -n +2 | median)"

if [ -d "$here/node/node_modules/@aws-solutions-constructs/aws-dynamodbstreams-lambda" ]; then
  echo "npm construct cold (new node process, wall ms, $cold runs):"
  peer_cold=$(for _ in $(seq "$cold"); do wall_ms node "$here/node/synth.js"; done)
  echo "  runs: $(echo $peer_cold)  median: $(echo "$peer_cold" | median)"
  peer_warm=$(node "$here/node/synth.js" --warm "$warm" 2>/dev/null)
  echo "npm construct in one process (ms, $warm runs): first $(echo "$peer_warm" | head -1); warm median $(echo "$peer_warm" | tail -n +2 | median)"
else
  echo "npm construct: not installed (run 'npm ci' in $here/node to compare)"
fi
