'use strict'
// Preloaded into the load client (node -r ./phase-cpu.js ddb-load.js ...): notes the server's CPU time at each
// phase boundary of a ddb-load run, so CPU per request is known per operation without changing the client.
//
// ddb-load runs its phases one after the other (PutItem, GetItem, BatchWriteItem, Query, Scan, DeleteTable) and
// waits for every request of a phase before it starts the next, so the first request of a new target marks the end
// of the previous phase. At each boundary this reads the server's utime + stime (/proc/<pid>/stat, clock ticks)
// and the sum of its threads' run time (/proc/<pid>/task/*/schedstat, nanoseconds; finer, but loses threads that
// exit). It also notes the client's own CPU time (process.cpuUsage) and the whole machine's idle share (/proc/stat),
// which tell whether the single-threaded client, rather than the server, set the pace. On exit it writes one JSON
// line per run to $PHASE_CPU_OUT.
const fs = require('fs')
const http = require('http')

const pid = process.env.PHASE_CPU_PID
const out = process.env.PHASE_CPU_OUT
const ticksPerSecond = Number(process.env.PHASE_CPU_HZ || 100)

function cpu () {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  let ns = 0
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try { ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) } catch (e) { }
  }
  const client = process.cpuUsage()
  const machine = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  return {
    statUs: ticks * 1e6 / ticksPerSecond,
    schedUs: ns / 1e3,
    clientUs: client.user + client.system,
    // All CPUs' time in clock ticks: idle (idle + iowait) and the total, to tell a busy machine from an idle one.
    idleTicks: machine[3] + machine[4],
    totalTicks: machine.reduce((a, b) => a + b, 0),
  }
}

const runs = []
let run = null
let phase = null
function enter (target) {
  const now = cpu()
  if (phase) {
    for (const key of ['statUs', 'schedUs', 'clientUs', 'idleTicks', 'totalTicks']) phase[key] = now[key] - phase[key]
    run[phase.op] = phase
  }
  phase = target === 'CreateTable' || target === 'DescribeTable' ? null : Object.assign({ op: target, requests: 0 }, now)
}

if (pid && out) {
  const request = http.request
  http.request = function (options, callback) {
    const target = String(((options && options.headers) || {})['X-Amz-Target'] || '').split('.')[1] || ''
    if (target === 'CreateTable') {
      if (phase) enter('CreateTable')
      run = {}
      runs.push(run)
    }
    if (run && target && (!phase || phase.op !== target) && !(target === 'DescribeTable' && !phase)) enter(target)
    if (phase) phase.requests++
    return request.apply(this, arguments)
  }
  process.on('exit', () => {
    if (phase) enter('CreateTable')
    fs.writeFileSync(out, runs.map(r => JSON.stringify(r)).join('\n') + '\n')
  })
}
