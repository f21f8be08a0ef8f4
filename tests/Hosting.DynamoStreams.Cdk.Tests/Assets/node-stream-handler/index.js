// Records every record it receives (key, stream ARN, region) to MARKER_FILE, and fails on records whose new image has
// an attribute "fail", so that the mapping sends them to the OnFailure destination.
const fs = require('fs');
exports.handler = async (event) => {
  for (const record of event.Records) {
    const pk = record.dynamodb.Keys.pk.S;
    fs.appendFileSync(process.env.MARKER_FILE, JSON.stringify({ pk, arn: record.eventSourceARN, region: process.env.AWS_REGION }) + '\n');
    if (record.dynamodb.NewImage && record.dynamodb.NewImage.fail) {
      throw new Error(`poison record ${pk}`);
    }
  }
  return { batchItemFailures: [] };
};
