// Stream handler for the event-source-mapping end-to-end tests. What it does with a batch is decided by the items:
// a record whose NewImage has  action = "throw"  makes the invocation throw,
//                              action = "sleep"  makes it run past the function timeout,
//                              action = "exit"   kills the process mid-batch (only while ESM_EXIT_FILE does not exist;
//                                                the file is created first, so the retry succeeds),
//                              action = "fail"   is reported in batchItemFailures (partial batch response).
// Tumbling-window events get {"state":{"count": <records so far>}} back.
// Every invocation is appended as one JSON line to ESM_RECORD_FILE: {requestId, pid, records:[{seq, key, n}], window}.
'use strict';

const fs = require('node:fs');

function image(record) {
  return (record.dynamodb && (record.dynamodb.NewImage || record.dynamodb.OldImage)) || {};
}

function attr(record, name) {
  const value = image(record)[name];
  return value ? (value.S !== undefined ? value.S : value.N) : undefined;
}

exports.handler = async (event, context) => {
  const records = event.Records || [];
  if (process.env.ESM_RECORD_FILE) {
    const line = {
      requestId: context.awsRequestId,
      pid: process.pid,
      records: records.map((r) => ({ seq: r.dynamodb.SequenceNumber, key: attr(r, 'pk'), n: Number(attr(r, 'n')), arn: r.eventSourceARN })),
      window: event.window ? { state: event.state, final: event.isFinalInvokeForWindow } : undefined,
    };
    fs.appendFileSync(process.env.ESM_RECORD_FILE, JSON.stringify(line) + '\n');
  }

  const actions = records.map((r) => attr(r, 'action'));
  if (actions.includes('exit') && process.env.ESM_EXIT_FILE && !fs.existsSync(process.env.ESM_EXIT_FILE)) {
    fs.writeFileSync(process.env.ESM_EXIT_FILE, String(process.pid));
    process.exit(7);
  }
  if (actions.includes('sleep')) {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
  if (actions.includes('throw')) {
    throw new Error('poison record ' + records.find((r) => attr(r, 'action') === 'throw').dynamodb.SequenceNumber);
  }

  const failures = records
    .filter((r) => attr(r, 'action') === 'fail')
    .map((r) => ({ itemIdentifier: r.dynamodb.SequenceNumber }));
  if (event.window) {
    const count = Number((event.state && event.state.count) || 0) + records.length;
    return { state: { count: String(count) }, batchItemFailures: failures };
  }
  return { batchItemFailures: failures };
};
