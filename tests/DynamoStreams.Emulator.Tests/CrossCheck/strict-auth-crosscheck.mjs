// Cross-checks strict SigV4 verification with an independent signer: the AWS SDK for JavaScript v3.
// Usage: node strict-auth-crosscheck.mjs <endpoint> <path to tests/node> <access key id> <secret>
// Prints one JSON object with what each step observed; the .NET test asserts on it.
import { createRequire } from 'node:module';
import path from 'node:path';

const [endpoint, nodeDir, accessKeyId, secretAccessKey] = process.argv.slice(2);
const require = createRequire(path.join(nodeDir, 'package.json'));
const ddb = require('@aws-sdk/client-dynamodb');
const sqs = require('@aws-sdk/client-sqs');

const client = (secret) => new ddb.DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: secret }, maxAttempts: 1 });
const errorName = async (promise) => {
  try {
    await promise;
    return null;
  } catch (e) {
    return e.name;
  }
};

const out = {};
const right = client(secretAccessKey);
const table = `strict-js-${Date.now()}`;
await right.send(new ddb.CreateTableCommand({
  TableName: table,
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
}));
await right.send(new ddb.PutItemCommand({ TableName: table, Item: { pk: { S: 'ünï ✓ 𝄞' }, v: { S: 'x'.repeat(3000) } } }));
out.read = (await right.send(new ddb.GetItemCommand({ TableName: table, Key: { pk: { S: 'ünï ✓ 𝄞' } } }))).Item.v.S.length;
out.wrongSecret = await errorName(client('wrong').send(new ddb.ListTablesCommand({})));
const queues = new sqs.SQSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
out.queueUrl = (await queues.send(new sqs.CreateQueueCommand({ QueueName: 'strict-js' }))).QueueUrl;
console.log(JSON.stringify(out));
