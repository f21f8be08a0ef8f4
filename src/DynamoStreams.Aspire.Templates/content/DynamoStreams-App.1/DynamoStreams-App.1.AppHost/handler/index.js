// A DynamoDB stream handler for Lambda's Node.js runtime: index.handler. Each batch holds up to BatchSize stream
// records; returning batchItemFailures retries from the first failed record (ReportBatchItemFailures is on).
exports.handler = async (event) => {
  for (const record of event.Records) {
    const id = record.dynamodb.Keys?.id?.S ?? JSON.stringify(record.dynamodb.Keys);
    console.log(`${record.eventName} id=${id} seq=${record.dynamodb.SequenceNumber}`);
  }
  return { batchItemFailures: [] };
};
