// Stream handler for the event-source-mapping end-to-end tests. What it does with a batch is decided by the items:
// a record whose NewImage has  action = "throw"  makes the invocation throw,
//                              action = "sleep"  makes it run past the function timeout,
//                              action = "exit"   kills the process mid-batch (only while ESM_EXIT_FILE does not exist;
//                                                the file is created first, so the retry succeeds),
//                              action = "fail"   is reported in batchItemFailures (partial batch response),
//                              action = "throw-until-healed" throws until the file ESM_EXIT_FILE.healed exists,
//                              action = "fail-empty" is reported with an empty itemIdentifier (a malformed response),
//                              action = "no-state" makes a tumbling-window answer lack "state" (once per function).
// Tumbling-window events get {"state":{"count": <records so far>}} back.
// An event {"blockUntil": "<path>"} (sent by a test, not by the mapping) creates "<path>.started", then holds the
// process until <path> exists.
// ESM_DELAY_MS makes every invocation take that long; with ESM_BARRIER_DIR set, an invocation waits (up to 20 s) until
// two invocations have entered, so two lanes provably run side by side; with ESM_INFLIGHT_FILE set, an invocation that starts while
// another one of the function is running (in any process) is logged with "overlapped": true.
// Every invocation is appended as one JSON line to ESM_RECORD_FILE:
// {requestId, pid, traceId, overlapped, records:[{seq, key, n, arn}], window}.
'use strict';

const fs = require('node:fs');

function image(record) {
  return (record.dynamodb && (record.dynamodb.NewImage || record.dynamodb.OldImage)) || {};
}

function attr(record, name) {
  const value = image(record)[name];
  return value ? (value.S !== undefined ? value.S : value.N) : undefined;
}

async function waitForFile(path) {
  while (!fs.existsSync(path)) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function enterExclusive() {
  try {
    fs.closeSync(fs.openSync(process.env.ESM_INFLIGHT_FILE, 'wx'));
    return true;
  } catch {
    return false;
  }
}

exports.handler = async (event, context) => {
  if (event.blockUntil) {
    fs.writeFileSync(event.blockUntil + '.started', String(process.pid));
    await waitForFile(event.blockUntil);
    return {};
  }

  const records = event.Records || [];
  const exclusive = process.env.ESM_INFLIGHT_FILE ? enterExclusive() : true;
  try {
    return await handle(event, context, records, !exclusive);
  } finally {
    if (process.env.ESM_INFLIGHT_FILE && exclusive) {
      fs.rmSync(process.env.ESM_INFLIGHT_FILE, { force: true });
    }
  }
};

async function barrier(dir, requestId) {
  fs.writeFileSync(require('node:path').join(dir, requestId), '');
  const until = Date.now() + 20_000;
  while (fs.readdirSync(dir).length < 2 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function handle(event, context, records, overlapped) {
  if (process.env.ESM_BARRIER_DIR) {
    await barrier(process.env.ESM_BARRIER_DIR, context.awsRequestId);
  }

  if (process.env.ESM_RECORD_FILE) {
    const line = {
      requestId: context.awsRequestId,
      pid: process.pid,
      traceId: process.env._X_AMZN_TRACE_ID,
      overlapped,
      records: records.map((r) => ({ seq: r.dynamodb.SequenceNumber, key: attr(r, 'pk'), n: Number(attr(r, 'n')), arn: r.eventSourceARN })),
      window: event.window ? { state: event.state, final: event.isFinalInvokeForWindow } : undefined,
    };
    fs.appendFileSync(process.env.ESM_RECORD_FILE, JSON.stringify(line) + '\n');
  }

  if (process.env.ESM_DELAY_MS) {
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.ESM_DELAY_MS)));
  }

  const actions = records.map((r) => attr(r, 'action'));
  if (actions.includes('exit') && process.env.ESM_EXIT_FILE && !fs.existsSync(process.env.ESM_EXIT_FILE)) {
    fs.writeFileSync(process.env.ESM_EXIT_FILE, String(process.pid));
    process.exit(7);
  }
  if (actions.includes('sleep')) {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
  if (actions.includes('throw-until-healed') && !fs.existsSync((process.env.ESM_EXIT_FILE || '') + '.healed')) {
    throw new Error('not healed yet');
  }
  if (actions.includes('throw')) {
    throw new Error('poison record ' + records.find((r) => attr(r, 'action') === 'throw').dynamodb.SequenceNumber);
  }

  const failures = records
    .filter((r) => attr(r, 'action') === 'fail' || attr(r, 'action') === 'fail-empty')
    .map((r) => ({ itemIdentifier: attr(r, 'action') === 'fail' ? r.dynamodb.SequenceNumber : '' }));
  const noStateMarker = (process.env.ESM_EXIT_FILE || '') + '.no-state';
  if (event.window && actions.includes('no-state') && process.env.ESM_EXIT_FILE && !fs.existsSync(noStateMarker)) {
    fs.writeFileSync(noStateMarker, String(process.pid));
    return { batchItemFailures: [] };
  }
  if (event.window) {
    const count = Number((event.state && event.state.count) || 0) + records.length;
    return { state: { count: String(count) }, batchItemFailures: failures };
  }
  return { batchItemFailures: failures };
}
