// The seed's example, in Node.js: Code.fromAsset('lambda') with handler 'index.handler'.
// It reads the same stream as the .NET handler (WithExistingTable(orders)) and logs an audit line per change, with the
// invocation's trace header (Lambda sets _X_AMZN_TRACE_ID; locally it continues the writer's trace).
exports.handler = async (event) => {
  for (const record of event.Records) {
    const keys = JSON.stringify(record.dynamodb.Keys);
    const amount = record.dynamodb.NewImage?.amount?.N ?? record.dynamodb.OldImage?.amount?.N ?? '-';
    console.log(`audit ${record.eventName} ${keys} amount=${amount} seq=${record.dynamodb.SequenceNumber} trace=${process.env._X_AMZN_TRACE_ID ?? '-'}`);
  }
  return {};
};
