'use strict'
// Turns compare.sh's samples (one JSON line per server and round) into the Markdown section of RESULTS.md:
// medians, ratios against dynalite, server CPU per request, and every sample.
const fs = require('fs')
const [file, label, started, loadStart, loadEnd, n, c, rounds, clients = '1'] = process.argv.slice(2)
const samples = fs.readFileSync(file, 'utf8').trim().split('\n').map(JSON.parse)
const servers = [...new Set(samples.map(s => s.server))]
const ops = [['put', 'PutItem'], ['get', 'GetItem'], ['query', 'Query'], ['scan', 'Scan']]
const median = a => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2 }
const of = server => samples.filter(s => s.server === server)
const opsPerSec = (server, p) => of(server).map(s => s.summary[p].opsPerSec)
const cpuPerRequest = (server, target, key) => of(server).map(s => s.cpu[target][key] / s.cpu[target].requests)
const f0 = x => Math.round(x).toLocaleString('en-US')
const f1 = x => x.toFixed(1)
const ratio = (a, b) => (a / b).toFixed(2) + 'x'

const lines = []
const clientText = clients === '1' ? 'raw Node client (ddb-load.js)' : `${clients} raw Node client processes (ddb-load.js) side by side`
lines.push(`### ${label}: ${clientText}, c=${c}, n=${n}, ${rounds} interleaved rounds`)
lines.push('')
lines.push(`${started} UTC; load average ${loadStart} at the start, ${loadEnd} at the end. Each sample is the measured run of ` +
  '`ddb-load.js --n ' + n + ' --c ' + (c / clients) + ' --runs 1 --warmup 1`' + (clients === '1' ? '' : ` in each of ${clients} processes (ops/s summed)`) +
  '; Query is 1,000 items and Scan ' +
  `${Number(n) + 1000} items per op (one page each). CPU: server user + system time per request over the phase ` +
  '(/proc/<pid>/stat, 10 ms ticks; in brackets the sum of the threads\' schedstat run time, in ns).')
lines.push('')
const peer = servers.includes('dynalite') ? 'dynalite' : null
const head = ['op'].concat(servers.map(s => `${s} ops/s`), servers.filter(s => s !== peer && peer).map(s => `${s} / dynalite`),
  servers.map(s => `${s} CPU µs/req`), servers.filter(s => s !== peer && peer).map(s => `${s} CPU / dynalite`))
lines.push('| ' + head.join(' | ') + ' |')
lines.push('|' + head.map(() => '---').join('|') + '|')
for (const [p, target] of ops) {
  const o = Object.fromEntries(servers.map(s => [s, median(opsPerSec(s, p))]))
  const cs = Object.fromEntries(servers.map(s => [s, median(cpuPerRequest(s, target, 'statUs'))]))
  const cn = Object.fromEntries(servers.map(s => [s, median(cpuPerRequest(s, target, 'schedUs'))]))
  const row = [target].concat(servers.map(s => p === 'put' || p === 'get' ? f0(o[s]) : f1(o[s])),
    servers.filter(s => s !== peer && peer).map(s => ratio(o[s], o[peer])),
    servers.map(s => `${f1(cs[s])} (${f1(cn[s])})`),
    servers.filter(s => s !== peer && peer).map(s => `${ratio(cs[s], cs[peer])} (${ratio(cn[s], cn[peer])})`))
  lines.push('| ' + row.join(' | ') + ' |')
}
lines.push('')
lines.push('Who set the pace (medians): the client\'s own CPU per request and the cores it kept busy (ops/s × CPU per ' +
  'request), the server\'s cores, and the whole machine\'s idle share. A single-threaded client near 1.0 core is the ' +
  'bottleneck: no server can then be measured faster than about 1 / (client CPU per request).' +
  (clients === '1' ? '' : ` With ${clients} client processes, client CPU per request is one process's, and client cores all of them together.`))
lines.push('')
const paceHead = ['op', 'server', 'client CPU µs/req', 'client cores', 'server cores', 'machine idle']
lines.push('| ' + paceHead.join(' | ') + ' |')
lines.push('|' + paceHead.map(() => '---').join('|') + '|')
for (const [p, target] of ops) {
  for (const s of servers) {
    const rows = of(s).filter(x => x.cpu[target] && x.cpu[target].clientUs !== undefined)
    if (!rows.length) continue
    const clientRequests = x => x.cpu[target].clientRequests ?? x.cpu[target].requests
    const clientUs = median(rows.map(x => x.cpu[target].clientUs / clientRequests(x)))
    const clientCores = median(rows.map(x => x.cpu[target].clientUs / clientRequests(x) * x.summary[p].opsPerSec / 1e6))
    const serverCores = median(rows.map(x => x.cpu[target].schedUs / x.cpu[target].requests * x.summary[p].opsPerSec / 1e6))
    const idle = median(rows.map(x => x.cpu[target].idleTicks / x.cpu[target].totalTicks))
    lines.push(`| ${target} | ${s} | ${f1(clientUs)} | ${clientCores.toFixed(2)} | ${serverCores.toFixed(2)} | ${(idle * 100).toFixed(0)} % |`)
  }
}
lines.push('')
lines.push('All samples (ops/s per round; CPU µs per request from /proc/<pid>/stat, schedstat in brackets):')
lines.push('')
lines.push('```')
for (const s of servers) {
  for (const [p, target] of ops) {
    lines.push(`${s.padEnd(8)} ${target.padEnd(7)} ops/s: ${opsPerSec(s, p).map(x => f1(x)).join(', ')}`)
    lines.push(`${''.padEnd(8)} ${''.padEnd(7)} CPU:   ${cpuPerRequest(s, target, 'statUs').map((x, i) => `${f1(x)} (${f1(cpuPerRequest(s, target, 'schedUs')[i])})`).join(', ')}`)
  }
}
lines.push('```')
console.log(lines.join('\n'))
