// Test handler for the Lambda Runtime API host and the event-source mapping.
// The action comes from the payload ({"action": "..."}) or, for events without one (stream batches), from the
// TEST_ACTION environment variable; the default echoes the event.
//   empty           returns {} (the benchmark's no-op)
//   echo            returns { pid, requestId, event, remainingMs, traceId, functionArn }
//   throw           throws an Error with event.message
//   sleep           waits event.sleepMs (or TEST_SLEEP_MS) then echoes
//   exit            process.exit(event.exitCode || 3) during the invocation
//   large           returns a string of event.bytes characters (7 MB by default)
//   env             returns the whole process.env
//   (any)           logs event.log with console.log first when set
//   fail-records    reports every record whose keys contain TEST_FAIL_KEY as a batch item failure
// Every invocation is appended as one JSON line to TEST_RECORD_FILE when that variable is set.
'use strict';

const fs = require('node:fs');

function record(event, context) {
  if (process.env.TEST_RECORD_FILE) {
    fs.appendFileSync(process.env.TEST_RECORD_FILE, JSON.stringify({ requestId: context.awsRequestId, pid: process.pid, event }) + '\n');
  }
}

function echo(event, context) {
  return {
    pid: process.pid,
    requestId: context.awsRequestId,
    functionArn: context.invokedFunctionArn,
    remainingMs: context.getRemainingTimeInMillis(),
    traceId: process.env._X_AMZN_TRACE_ID,
    event,
  };
}

exports.handler = async (event, context) => {
  record(event, context);
  if (event && event.log) {
    console.log(event.log);
  }
  const action = (event && event.action) || process.env.TEST_ACTION || 'echo';
  switch (action) {
    case 'empty':
      return {};
    case 'throw': {
      const error = new Error((event && event.message) || 'boom');
      if (event && event.errorName) {
        error.name = event.errorName;
      }
      throw error;
    }
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, (event && event.sleepMs) || Number(process.env.TEST_SLEEP_MS || 60000)));
      return echo(event, context);
    case 'exit':
      process.exit((event && event.exitCode) || 3);
      return undefined;
    case 'large':
      return 'x'.repeat((event && event.bytes) || 7 * 1024 * 1024);
    case 'env':
      return { ...process.env };
    case 'fail-records': {
      const key = process.env.TEST_FAIL_KEY || 'fail';
      const failures = (event.Records || [])
        .filter((r) => JSON.stringify(r.dynamodb && r.dynamodb.Keys).includes(key))
        .map((r) => ({ itemIdentifier: r.dynamodb.SequenceNumber }));
      return { batchItemFailures: failures };
    }
    default:
      return echo(event, context);
  }
};

// Callback-style handler: answers through the callback, or fails through it when event.fail is set.
exports.callbackHandler = (event, context, callback) => {
  record(event, context);
  setTimeout(() => {
    if (event && event.fail) {
      callback(new Error(event.fail));
    } else {
      callback(null, { style: 'callback', pid: process.pid, requestId: context.awsRequestId });
    }
  }, 1);
};
