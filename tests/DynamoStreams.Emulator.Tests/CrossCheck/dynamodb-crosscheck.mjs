// Cross-checks the emulator with an independent client: the AWS SDK for JavaScript v3.
// Usage: node dynamodb-crosscheck.mjs <endpoint> <path to tests/node>
// Prints one JSON object with what each step observed; the .NET test asserts on it.
import { createRequire } from 'node:module';
import path from 'node:path';

const [endpoint, nodeDir] = process.argv.slice(2);
const require = createRequire(path.join(nodeDir, 'package.json'));
const ddb = require('@aws-sdk/client-dynamodb');

const client = new ddb.DynamoDBClient({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'js', secretAccessKey: 'js' },
  maxAttempts: 1,
});

const table = `js-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const out = {};
const errorOf = async (promise) => {
  try {
    await promise;
    return null;
  } catch (e) {
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, reasons: e.CancellationReasons?.map((r) => r.Code) };
  }
};

await client.send(new ddb.CreateTableCommand({
  TableName: table,
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
}));
out.describeStatus = (await client.send(new ddb.DescribeTableCommand({ TableName: table }))).Table.TableStatus;

for (let i = 0; i < 5; i++) {
  await client.send(new ddb.PutItemCommand({ TableName: table, Item: { pk: { S: 'p' }, sk: { N: String(i) }, n: { N: '1.50' }, b: { B: new Uint8Array([1, 2]) } } }));
}

const got = await client.send(new ddb.GetItemCommand({ TableName: table, Key: { pk: { S: 'p' }, sk: { N: '3' } }, ConsistentRead: true }));
out.getNumber = got.Item.n.N;
out.getBinary = Array.from(got.Item.b.B);

const updated = await client.send(new ddb.UpdateItemCommand({
  TableName: table,
  Key: { pk: { S: 'p' }, sk: { N: '3' } },
  UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :one ADD tags :t',
  ExpressionAttributeNames: { '#c': 'count' },
  ExpressionAttributeValues: { ':zero': { N: '0' }, ':one': { N: '1' }, ':t': { SS: ['x'] } },
  ReturnValues: 'UPDATED_NEW',
}));
out.updatedCount = updated.Attributes.count.N;
out.updatedTags = updated.Attributes.tags.SS;

const page1 = await client.send(new ddb.QueryCommand({
  TableName: table, KeyConditionExpression: 'pk = :p AND sk >= :from', ExpressionAttributeValues: { ':p': { S: 'p' }, ':from': { N: '1' } }, Limit: 2, ScanIndexForward: false,
}));
out.queryPage1 = page1.Items.map((i) => i.sk.N);
out.queryHasNext = page1.LastEvaluatedKey !== undefined;
const page2 = await client.send(new ddb.QueryCommand({
  TableName: table, KeyConditionExpression: 'pk = :p AND sk >= :from', ExpressionAttributeValues: { ':p': { S: 'p' }, ':from': { N: '1' } }, Limit: 2, ScanIndexForward: false, ExclusiveStartKey: page1.LastEvaluatedKey,
}));
out.queryPage2 = page2.Items.map((i) => i.sk.N);

out.conditional = await errorOf(client.send(new ddb.PutItemCommand({ TableName: table, Item: { pk: { S: 'p' }, sk: { N: '0' } }, ConditionExpression: 'attribute_not_exists(pk)' })));
out.keyMismatch = await errorOf(client.send(new ddb.GetItemCommand({ TableName: table, Key: { pk: { S: 'p' } } })));
out.missingTable = await errorOf(client.send(new ddb.GetItemCommand({ TableName: 'does-not-exist', Key: { pk: { S: 'p' } } })));
out.transaction = await errorOf(client.send(new ddb.TransactWriteItemsCommand({
  TransactItems: [
    { Put: { TableName: table, Item: { pk: { S: 'q' }, sk: { N: '1' } } } },
    { ConditionCheck: { TableName: table, Key: { pk: { S: 'p' }, sk: { N: '0' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ],
})));
out.afterCanceled = (await client.send(new ddb.GetItemCommand({ TableName: table, Key: { pk: { S: 'q' }, sk: { N: '1' } } }))).Item === undefined;
out.batchTooMany = await errorOf(client.send(new ddb.BatchWriteItemCommand({
  RequestItems: { [table]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { pk: { S: 'b' }, sk: { N: String(i) } } } })) },
})));
const scan = await client.send(new ddb.ScanCommand({ TableName: table, Select: 'COUNT' }));
out.scanCount = scan.Count;

await client.send(new ddb.DeleteTableCommand({ TableName: table }));
console.log(JSON.stringify(out));
