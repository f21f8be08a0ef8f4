// The peer of bench/CloudPublish: the real npm construct synthesising the sample AppHost's two stacks, with the same
// assets (the packaged .NET handler folder and the Node.js code folder) and the same props.
// Usage: node synth.js <packaged .NET handler folder> <Node.js code folder>
//   one synthesis into a fresh cloud assembly; prints ms since the script started (run.sh times the process too)
process.env.overrideWarningsEnabled = 'false';
const start = process.hrtime.bigint();
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const { DynamoDBStreamsToLambda } = require('@aws-solutions-constructs/aws-dynamodbstreams-lambda');

const [handlerDir, nodeDir] = process.argv.slice(2);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-publish-peer-'));
try {
  const app = new cdk.App({ outdir });
  const ordersStack = new cdk.Stack(app, 'orders');
  const orders = new DynamoDBStreamsToLambda(ordersStack, 'orders', {
    lambdaFunctionProps: {
      code: lambda.Code.fromAsset(handlerDir),
      runtime: lambda.Runtime.PROVIDED_AL2023,
      handler: 'bootstrap',
      environment: { TOTALS_TABLE_NAME: 'customer-totals' },
    },
    dynamoEventSourceProps: { batchSize: 10, retryAttempts: 2, reportBatchItemFailures: true },
  });
  const auditStack = new cdk.Stack(app, 'audit');
  new DynamoDBStreamsToLambda(auditStack, 'audit', {
    existingTableInterface: orders.dynamoTableInterface,
    lambdaFunctionProps: {
      code: lambda.Code.fromAsset(nodeDir),
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
    },
  });
  app.synth();
  console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
