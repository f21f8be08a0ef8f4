// Reads a stream through the official AWS SDK for JavaScript v3 Streams client and prints what it saw as JSON.
// Usage: node streams-crosscheck.cjs <endpoint> <streamArn>
const { DynamoDBStreamsClient, ListStreamsCommand, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand } =
  require("@aws-sdk/client-dynamodb-streams");

async function main() {
  const [endpoint, streamArn] = process.argv.slice(2);
  const client = new DynamoDBStreamsClient({
    endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1,
  });
  const listed = await client.send(new ListStreamsCommand({}));
  const described = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const shard = described.StreamDescription.Shards[0];
  const { ShardIterator } = await client.send(new GetShardIteratorCommand({
    StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }));
  const read = await client.send(new GetRecordsCommand({ ShardIterator }));
  let missing;
  try {
    await client.send(new DescribeStreamCommand({ StreamArn: streamArn + "-missing" }));
  } catch (error) {
    missing = { name: error.name, status: error.$metadata.httpStatusCode };
  }
  console.log(JSON.stringify({
    listed: listed.Streams.map(s => s.StreamArn),
    status: described.StreamDescription.StreamStatus,
    viewType: described.StreamDescription.StreamViewType,
    shardOpen: shard.SequenceNumberRange.EndingSequenceNumber === undefined,
    records: read.Records.map(r => ({
      eventName: r.eventName,
      eventSource: r.eventSource,
      id: r.dynamodb.Keys.id.S,
      hasNew: r.dynamodb.NewImage !== undefined,
      hasOld: r.dynamodb.OldImage !== undefined,
      sequence: r.dynamodb.SequenceNumber,
      created: r.dynamodb.ApproximateCreationDateTime instanceof Date,
    })),
    hasNext: read.NextShardIterator !== undefined,
    missing,
  }));
}

main().catch(error => { console.error(error); process.exit(1); });
