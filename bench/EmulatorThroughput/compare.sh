#!/usr/bin/env bash
# compare.sh: the emulator against dynalite with a light Node client (the workplace's ddb-load.js, raw SigV4 client).
#
#   bench/EmulatorThroughput/compare.sh [--rounds 5] [--n 5000] [--c 16] [--label after] [--no-build]
#                                       [--emulator DLL] [--baseline DLL] [--results FILE] [--client PATH] [--clients K]
#
# Starts each server once as its own process (the emulator's standalone program, Release; dynalite from
# bench/EmulatorThroughput/node, installed with npm when missing), then for every round runs
# `ddb-load.js --n N --c C --runs 1 --warmup 1` against each server in turn, the order alternating between rounds so
# the machine's load hits all alike. PutItem, GetItem, Query and Scan ops/s come from the client; the server's CPU per
# request comes from /proc (node/phase-cpu.js, preloaded into the client, reads it at each phase boundary of the
# measured run). --baseline DLL adds a third server (another build of the emulator, e.g. main's) as "before".
# --clients K runs K client processes side by side, each with --c C/K (the same C requests in flight), for when one
# single-threaded client is the bottleneck: ops/s is then their sum, and the server's CPU per request is its CPU over
# the first client's phase divided by all K clients' requests (they run the same phases at the same time).
# All samples and the medians go to a section of RESULTS.md (or --results FILE) named by --label.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds=5 n=5000 c=16 clients=1 label="run" build=1 emulator="" baseline="" results="$here/RESULTS.md"
client="${DDB_LOAD:-$root/../shared/bench/ddb-load.js}"
[ -f "$client" ] || client=/work/shared/bench/ddb-load.js
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --n) n="$2"; shift 2 ;;
    --c) c="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --emulator) emulator="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --client) client="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    *) echo "unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$client" ] || { echo "ddb-load.js not found; pass --client PATH" >&2; exit 2; }
if [ "$clients" -lt 1 ] || [ $((c % clients)) -ne 0 ]; then
  echo "--clients $clients must be at least 1 and divide --c $c (each client process takes C/K requests in flight)" >&2; exit 2
fi

if [ -z "$emulator" ]; then
  emulator="$root/src/DynamoStreams.Emulator/bin/Release/net10.0/DynamoStreams.Emulator.dll"
  if [ "$build" = 1 ]; then dotnet build -c Release "$root/src/DynamoStreams.Emulator" -v q -nologo >/dev/null; fi
fi
if [ ! -f "$here/node/node_modules/dynalite/cli.js" ]; then
  (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_up() { for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done; echo "server on $1 did not start" >&2; exit 1; }

names=() ports=() spids=()
start() { # name, command...
  local name="$1"; shift
  local port; port="$(free_port)"
  "$@" --port "$port" >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  wait_up "$port"
  names+=("$name") ports+=("$port") spids+=("$pid")
}
start emulator dotnet exec "$emulator"
if [ -n "$baseline" ]; then start before dotnet exec "$baseline"; fi
start dynalite node "$here/node/node_modules/dynalite/cli.js" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0

samples="$work/samples.jsonl"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +'%Y-%m-%d %H:%M')"
count=${#names[@]}
for round in $(seq "$rounds"); do
  for k in $(seq 0 $((count - 1))); do
    i=$(( (k + round - 1) % count ))
    name="${names[$i]}"
    rm -f "$work"/out.*.txt "$work/phases.jsonl"
    cpids=()
    for k in $(seq 0 $((clients - 1))); do
      if [ "$k" = 0 ]; then probe=(env PHASE_CPU_PID="${spids[$i]}" PHASE_CPU_OUT="$work/phases.jsonl" node -r "$here/node/phase-cpu.js"); else probe=(node); fi
      "${probe[@]}" "$client" --endpoint "http://127.0.0.1:${ports[$i]}" \
        --n "$n" --c $((c / clients)) --runs 1 --warmup 1 --json >"$work/out.$k.txt" &
      cpids+=($!)
    done
    for p in "${cpids[@]}"; do wait "$p"; done
    node -e '
      const fs = require("fs"), [name, round, dir, clients] = process.argv.slice(1)
      const last = file => { const lines = fs.readFileSync(file, "utf8").trim().split("\n"); return JSON.parse(lines[lines.length - 1]) }
      const all = Array.from({ length: +clients }, (_, k) => last(`${dir}/out.${k}.txt`))
      const summary = all[0]
      for (const p of ["put", "get", "query", "scan"]) summary[p].opsPerSec = all.reduce((a, x) => a + x[p].opsPerSec, 0)
      const cpu = fs.readFileSync(`${dir}/phases.jsonl`, "utf8").trim().split("\n").map(JSON.parse).pop()
      // The probe counted only the first client requests; the server answered those of all clients in that window.
      for (const phase of Object.values(cpu)) { phase.clientRequests = phase.requests; phase.requests *= +clients }
      console.log(JSON.stringify({ server: name, round: +round, clients: +clients, summary, cpu }))' \
      "$name" "$round" "$work" "$clients" >>"$samples"
    tail -n 1 "$samples" | node -e '
      const s = JSON.parse(require("fs").readFileSync(0, "utf8"))
      console.log(`round ${s.round} ${s.server.padEnd(8)} ` + ["put", "get", "query", "scan"].map(p => `${p} ${s.summary[p].opsPerSec}`).join("  "))'
  done
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

node "$here/node/compare-report.js" "$samples" "$label" "$started" "$load_start" "$load_end" "$n" "$c" "$rounds" "$clients" >"$work/section.md"
cat "$work/section.md"
node -e '
  const fs = require("fs"), [file, sectionFile, label] = process.argv.slice(1)
  const section = fs.readFileSync(sectionFile, "utf8").trimEnd()
  const begin = `<!-- compare.sh ${label} -->`, end = `<!-- /compare.sh ${label} -->`
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  const block = `${begin}\n${section}\n${end}`
  const a = text.indexOf(begin), b = text.indexOf(end)
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : text.trimEnd() + "\n\n" + block + "\n"
  fs.writeFileSync(file, text)' "$results" "$work/section.md" "$label"
echo "written to $results (section \"$label\")"
