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

function toErrorDocument(error) {
  if (error instanceof Error) {
    const stack = typeof error.stack === 'string' ? error.stack.split('\n') : [];
    return { errorType: error.name || 'Error', errorMessage: error.message, stackTrace: stack };
  }
  if (error !== null && typeof error === 'object') {
    return {
      errorType: error.errorType || error.name || 'Error',
      errorMessage: error.errorMessage || error.message || util.inspect(error),
      stackTrace: [],
    };
  }
  return { errorType: typeof error, errorMessage: String(error), stackTrace: [] };
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
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
  };
}

// Runs the handler and settles with its result, whether it returns a promise or calls back (the first of both wins).
function invoke(handler, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (error, result) => {
      if (settled) {
        return;
      }
      settled = true;
      if (error !== undefined && error !== null) {
        reject(error);
      } else {
        resolve(result);
      }
    };
    context.done = callback;
    context.succeed = (result) => callback(null, result);
    context.fail = (error) => callback(error || new Error('handled'));
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function') {
        returned.then((result) => callback(null, result), (error) => callback(error === undefined || error === null ? new Error(String(error)) : error));
      }
    } catch (error) {
      callback(error);
    }
  });
}

async function reportUncaught(error, errorType) {
  const document = toErrorDocument(error);
  if (errorType) {
    document.errorType = errorType;
  }
  console.error(`Uncaught ${document.errorType}: ${document.errorMessage}`);
  if (currentRequestId) {
    try {
      await postError(`/invocation/${currentRequestId}/error`, document);
    } catch {
      // The host fails the invocation as a runtime exit anyway.
    }
  }
  process.exit(129);
}

async function main() {
  patchConsole();
  process.on('uncaughtException', (error) => reportUncaught(error));
  process.on('unhandledRejection', (reason) => reportUncaught(reason, 'Runtime.UnhandledPromiseRejection'));

  let handler;
  try {
    handler = await loadHandler();
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
      const result = await invoke(handler, event, createContext(next.headers));
      outcome = { ok: true, body: JSON.stringify(result === undefined ? null : result) };
    } catch (error) {
      outcome = { ok: false, document: toErrorDocument(error) };
    }

    if (outcome.ok) {
      const reply = await request('POST', `/invocation/${requestId}/response`, outcome.body, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(outcome.body),
      });
      if (reply.status !== 202) {
        process.stderr.write(`The Runtime API rejected the response with ${reply.status}: ${reply.body.toString()}\n`);
      }
    } else {
      console.error(`Invoke Error \t${JSON.stringify(outcome.document)}`);
      await postError(`/invocation/${requestId}/error`, outcome.document);
    }
    currentRequestId = null;
  }
}

main().catch((error) => {
  process.stderr.write(`The Node.js runtime shim failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
