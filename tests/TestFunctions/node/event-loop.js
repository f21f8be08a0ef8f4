// Handlers for the event-loop rules of AWS's Node.js runtime (context.callbackWaitsForEmptyEventLoop and friends).
'use strict';

let backgroundWorkDone = 0;
let keepAlive = null;

// Callback handler leaving work on the event loop that changes the result object after the callback.
// event.dontWait sets context.callbackWaitsForEmptyEventLoop = false.
exports.pendingWork = (event, context, callback) => {
  if (event.dontWait) {
    context.callbackWaitsForEmptyEventLoop = false;
  }
  const result = { waits: context.callbackWaitsForEmptyEventLoop, backgroundWorkDoneBefore: backgroundWorkDone, pendingWorkDone: false };
  setImmediate(() => {
    result.pendingWorkDone = true;
    backgroundWorkDone += 1;
  });
  callback(null, result);
};

// Callback handler with an interval that never ends (an open connection, say): with the default the response
// never leaves and the invocation times out, as in AWS; with event.dontWait it is sent at once.
exports.busyLoop = (event, context, callback) => {
  if (event.dontWait) {
    context.callbackWaitsForEmptyEventLoop = false;
  }
  if (keepAlive === null) {
    keepAlive = setInterval(() => {}, 1000);
  }
  callback(null, { pid: process.pid });
};

// Async handler with pending work: a promise answers when it settles, without waiting for the event loop.
exports.asyncPendingWork = async () => {
  const result = { pendingWorkDone: false };
  setImmediate(() => {
    result.pendingWorkDone = true;
  });
  return result;
};

// Neither returns a promise nor calls back: AWS answers null once the event loop is empty.
exports.neverAnswers = () => {
  setTimeout(() => {}, 10);
};

// Answers three times: only the first answer counts.
exports.answersTwice = (event, context, callback) => {
  context.succeed({ first: true });
  callback(null, { first: false });
  context.done(null, { first: false });
};

// Fails in the forms whose error documents AWS's runtime builds from non-Error values.
exports.failsWith = async (event, context) => {
  switch (event.form) {
    case 'fail-without-reason':
      context.fail();
      return new Promise(() => {});
    case 'object':
      throw { code: 42 };
    case 'string':
      throw 'plain text';
    default:
      return Promise.reject(undefined);
  }
};

// Leaves a rejected promise nobody handles: the runtime fails the invocation and exits.
exports.unhandledRejection = async () => {
  Promise.reject(new Error('nobody awaited this'));
  await new Promise((resolve) => setTimeout(resolve, 60000));
};
