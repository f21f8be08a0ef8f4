// The peer of bench/ConstructSynth: the real npm construct synthesising the same pattern.
// Usage: node synth.js [--print | --warm N]
//   (no flag)  one synthesis; prints ms since the script started (the run script times the whole process too)
//   --print    prints the template as JSON (committed as the tests' real-construct reference)
//   --warm N   N syntheses of fresh apps in this process; prints each time in ms
process.env.overrideWarningsEnabled = 'false';
const start = process.hrtime.bigint();
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const assertions = require('aws-cdk-lib/assertions');
const { DynamoDBStreamsToLambda } = require('@aws-solutions-constructs/aws-dynamodbstreams-lambda');

const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'construct-synth-peer-'));

function build(index) {
  const app = new cdk.App({ outdir: path.join(outRoot, String(index)) });
  const stack = new cdk.Stack(app, 'TestStack');
  new DynamoDBStreamsToLambda(stack, 'test-dynamodbstreams-lambda', {
    lambdaFunctionProps: {
      code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
    },
  });
  return { app, stack };
}

try {
  const args = process.argv.slice(2);
  if (args[0] === '--print') {
    console.log(JSON.stringify(assertions.Template.fromStack(build(0).stack).toJSON(), null, 2));
  } else if (args[0] === '--warm') {
    const n = Number(args[1] ?? 20);
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      build(i).app.synth();
      console.log((Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1));
    }
  } else {
    build(0).app.synth();
    console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
  }
} finally {
  fs.rmSync(outRoot, { recursive: true, force: true });
}
