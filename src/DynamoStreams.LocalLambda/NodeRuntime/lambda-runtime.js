// Lambda Runtime API client for Node.js handlers, shipped with DynamoStreams.LocalLambda.
// Started as `node lambda-runtime.js` in the function's code folder with the environment of spec C.3; it loads
// `_HANDLER` (module.function) from LAMBDA_TASK_ROOT and serves invocations until the host tells it to stop.
'use strict';

const http = require('node:http');
const path = require('node:path');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const util = require('node:util');

const API_VERSION = '2018-06-01';
const address = process.env.AWS_LAMBDA_RUNTIME_API;
if (!address) {
  process.stderr.write('AWS_LAMBDA_RUNTIME_API is not set: start this shim through the Lambda Runtime API host.\n');
  process.exit(1);
}

const slash = address.indexOf('/');
const hostPort = slash < 0 ? address : address.slice(0, slash);
const basePath = (slash < 0 ? '' : address.slice(slash)) + `/${API_VERSION}/runtime`;
const colon = hostPort.lastIndexOf(':');
const hostname = hostPort.slice(0, colon);
const port = Number(hostPort.slice(colon + 1));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

let currentRequestId = null;

function request(method, urlPath, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, path: basePath + urlPath, method, agent, headers: headers || {} },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
    req.on('error', reject);
    if (body !== undefined) {
      req.end(body);
    } else {
      req.end();
    }
  });
}

// The error document AWS's Node.js runtime posts: an Error gives its name, message and stack lines as `trace`;
// anything else gives its type and string form ('handled' for a fail() without an argument).
function toErrorDocument(error) {
  try {
    if (util.types.isNativeError(error) || isErrorLike(error)) {
      return { errorType: error.name, errorMessage: error.message, trace: String(error.stack).split('\n') };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      trace: [],
    };
  }
}

function isErrorLike(value) {
  return value !== null && typeof value === 'object'
    && typeof value.name === 'string' && typeof value.message === 'string' && typeof value.stack === 'string';
}

function postError(urlPath, document) {
  const body = JSON.stringify(document);
  return request('POST', urlPath, body, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Lambda-Runtime-Function-Error-Type': document.errorType,
  });
}

async function failInit(errorType, error) {
  const document = toErrorDocument(error);
  document.errorType = errorType;
  if (error instanceof Error && !(error instanceof HandlerError)) {
    document.errorMessage = `${error.name}: ${error.message}`;
  }
  console.error(`${errorType}: ${document.errorMessage}`);
  try {
    await postError('/init/error', document);
  } finally {
    process.exit(129);
  }
}

class HandlerError extends Error {
  constructor(errorType, message) {
    super(message);
    this.errorType = errorType;
  }
}

function resolveModule(root, moduleName) {
  for (const extension of ['.js', '.mjs', '.cjs']) {
    const file = path.resolve(root, moduleName + extension);
    if (fs.existsSync(file)) {
      return file;
    }
  }
  return null;
}

async function loadHandler() {
  const handlerString = process.env._HANDLER || '';
  const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
  const base = path.basename(handlerString);
  const dot = base.indexOf('.');
  if (dot <= 0 || dot === base.length - 1) {
    throw new HandlerError('Runtime.MalformedHandlerName', `Bad handler ${handlerString}`);
  }
  const moduleName = path.join(path.dirname(handlerString), base.slice(0, dot));
  const functionPath = base.slice(dot + 1).split('.');
  const file = resolveModule(root, moduleName);
  if (file === null) {
    throw new HandlerError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'`);
  }

  let loaded;
  try {
    if (file.endsWith('.mjs')) {
      loaded = await import(pathToFileURL(file).href);
    } else {
      try {
        loaded = require(file);
      } catch (error) {
        if (error && error.code === 'ERR_REQUIRE_ESM') {
          loaded = await import(pathToFileURL(file).href);
        } else {
          throw error;
        }
      }
    }
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new HandlerError('Runtime.UserCodeSyntaxError', `${error.name}: ${error.message}`);
    }
    if (error && error.code === 'MODULE_NOT_FOUND') {
      throw new HandlerError('Runtime.ImportModuleError', `Error: ${error.message}`);
    }
    throw error;
  }

  let handler = loaded;
  for (const part of functionPath) {
    handler = handler === undefined || handler === null ? undefined : handler[part];
  }
  if (typeof handler !== 'function') {
    throw new HandlerError('Runtime.HandlerNotFound', `${base} is undefined or not exported`);
  }
  return handler;
}

// Lambda's Node.js 24 and later runtimes refuse, at init, a handler that declares a callback parameter (three or
// more), async or not. The Node.js 22 and earlier runtimes run a callback handler and warn once, unless
// AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING is set. The texts are the runtime interface client's.
const CALLBACK_REMOVED = 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. '
  + 'You need to modify this function to use a supported handler signature to use Node.js 24 or later. '
  + 'For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';
const CALLBACK_WARNING = 'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. '
  + 'You will need to update this function to use an async handler to use Node.js 24 or later. '
  + 'For more information and to provide feedback on this change, see aws/aws-lambda-nodejs-runtime-interface-client#137';

function checkHandlerSignature(handler) {
  const runtime = /^AWS_Lambda_nodejs(\d+)\.x$/.exec(process.env.AWS_EXECUTION_ENV || '');
  const major = runtime === null ? null : Number(runtime[1]);
  if (major !== null && major >= 24 && handler.length >= 3) {
    throw new HandlerError('Runtime.CallbackHandlerDeprecated', CALLBACK_REMOVED);
  }
  const isAsync = handler.constructor && handler.constructor.name === 'AsyncFunction';
  if (handler.length === 3 && !isAsync && process.env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING === undefined) {
    console.warn(CALLBACK_WARNING);
  }
}

function patchConsole() {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    const original = console[method].bind(console);
    console[method] = (...args) => {
      const line = util.format(...args).replace(/\n/g, '\r');
      original(`${new Date().toISOString()}\t${currentRequestId || 'undefined'}\t${level}\t${line}`);
    };
  }
}

function createContext(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const parse = (value) => (value ? JSON.parse(value) : undefined);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: parse(headers['lambda-runtime-client-context']),
    identity: parse(headers['lambda-runtime-cognito-identity']),
    tenantId: headers['lambda-runtime-aws-tenant-id'],
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
  };
}

// Set while a callback result waits for the event loop to empty, or while nothing has answered yet; run by
// 'beforeExit', which Node emits when no timers, sockets or other work keep the event loop alive.
let onEmptyEventLoop = null;
process.on('beforeExit', () => {
  const listener = onEmptyEventLoop;
  onEmptyEventLoop = null;
  if (listener) {
    listener();
  }
});

// Runs the handler and settles with its outcome the way AWS's Node.js runtime does:
// - a returned promise answers when it settles (a rejection without a reason fails as 'handled');
// - callback(error) answers at once; callback(null, result) answers once the event loop is empty, unless
//   context.callbackWaitsForEmptyEventLoop is false: then at once, and the pending work carries on (in AWS it is
//   frozen with the sandbox and resumes in the next invocation; locally it keeps running between invocations);
// - context.done/succeed/fail answer at once;
// - a handler that never answers gets a null response when the event loop empties.
// Only the first answer counts. The result is serialized when it is sent, as in AWS, so changes the pending work
// makes to it before the event loop empties are part of the response.
function invoke(handler, event, context) {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (outcome) => {
      if (answered) {
        console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
        return;
      }
      answered = true;
      onEmptyEventLoop = null;
      resolve(outcome);
    };
    const done = (error, result) => {
      if (error !== undefined && error !== null) {
        answer({ ok: false, error });
      } else {
        answer({ ok: true, result });
      }
    };
    let callbackCalled = false;
    const callback = (error, result) => {
      if (answered) {
        answer();
        return;
      }
      if (callbackCalled) {
        return;
      }
      callbackCalled = true;
      onEmptyEventLoop = null;
      if ((error !== undefined && error !== null) || !context.callbackWaitsForEmptyEventLoop) {
        done(error, result);
      } else {
        onEmptyEventLoop = () => setImmediate(() => done(null, result));
      }
    };
    context.done = done;
    context.succeed = (result) => done(null, result);
    context.fail = (error) => done(error === undefined || error === null ? 'handled' : error);
    onEmptyEventLoop = () => done(null, null);
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function') {
        returned.then(context.succeed, context.fail);
      }
    } catch (error) {
      callback(error);
    }
  });
}

async function reportUncaught(error, label, exitCode) {
  const document = toErrorDocument(error);
  console.error(`${label}\t${JSON.stringify(document)}`);
  if (currentRequestId) {
    try {
      await postError(`/invocation/${currentRequestId}/error`, document);
    } catch {
      // The host fails the invocation as a runtime exit anyway.
    }
  }
  process.exit(exitCode);
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super(reason === undefined || reason === null ? String(reason) : reason.toString());
    this.name = 'Runtime.UnhandledPromiseRejection';
    this.reason = reason;
  }
}

async function main() {
  patchConsole();
  process.on('uncaughtException', (error) => reportUncaught(error, 'Uncaught Exception', 129));
  process.on('unhandledRejection', (reason) => reportUncaught(new UnhandledPromiseRejection(reason), 'Unhandled Promise Rejection', 128));

  let handler;
  try {
    handler = await loadHandler();
    checkHandlerSignature(handler);
  } catch (error) {
    await failInit(error instanceof HandlerError ? error.errorType : (error && error.name) || 'Runtime.Unknown', error);
    return;
  }

  for (;;) {
    const next = await request('GET', '/invocation/next');
    if (next.status !== 200) {
      process.stderr.write(`The Runtime API answered ${next.status} to /invocation/next: ${next.body.toString()}\n`);
      process.exit(next.status === 500 ? 0 : 1);
    }

    const requestId = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    if (next.headers['lambda-runtime-trace-id']) {
      process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    } else {
      delete process.env._X_AMZN_TRACE_ID;
    }

    let outcome;
    try {
      const event = next.body.length === 0 ? undefined : JSON.parse(next.body.toString('utf8'));
      outcome = await invoke(handler, event, createContext(next.headers));
    } catch (error) {
      outcome = { ok: false, error };
    }

    let body;
    if (outcome.ok) {
      try {
        body = JSON.stringify(outcome.result === undefined ? null : outcome.result);
      } catch (error) {
        outcome = { ok: false, error };
      }
    }

    if (outcome.ok) {
      const reply = await request('POST', `/invocation/${requestId}/response`, body, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      });
      if (reply.status !== 202) {
        process.stderr.write(`The Runtime API rejected the response with ${reply.status}: ${reply.body.toString()}\n`);
      }
    } else {
      const document = toErrorDocument(outcome.error);
      console.error(`Invoke Error \t${JSON.stringify(document)}`);
      await postError(`/invocation/${requestId}/error`, document);
    }
    currentRequestId = null;
  }
}

main().catch((error) => {
  process.stderr.write(`The Node.js runtime shim failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
