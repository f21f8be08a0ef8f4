// The CDK CLI's output (aws-cdk 2.1149.0) for a successful deploy or destroy; a deploy writes the outputs file.
const fs = require('fs');
require('./standin').run(({ command, stack, outputsFile }) => {
  if (command === 'destroy') {
    console.error(`${stack}: destroying... [1/1]`);
    console.error(` ✅  ${stack}: destroyed`);
    return 0;
  }
  const table = `${stack}-ordersDynamoTable-ABC123`;
  const outputs = {
    [stack]: {
      TableName: table,
      TableArn: `arn:aws:dynamodb:${process.env.AWS_REGION}:123456789012:table/${table}`,
      StreamArn: `arn:aws:dynamodb:${process.env.AWS_REGION}:123456789012:table/${table}/stream/2026-11-25T04:00:00.000`,
      FunctionName: `${stack}-ordersLambdaFunction-XYZ`,
      FunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:123456789012:function:${stack}-ordersLambdaFunction-XYZ`,
      DeadLetterQueueUrl: `https://sqs.${process.env.AWS_REGION}.amazonaws.com/123456789012/${stack}-ordersSqsDlqQueue-Q1`,
      DeadLetterQueueArn: `arn:aws:sqs:${process.env.AWS_REGION}:123456789012:${stack}-ordersSqsDlqQueue-Q1`,
    },
  };
  console.error(`${stack}: deploying... [1/1]`);
  console.error(`${stack} | 12/12 | 10:02:00 AM | CREATE_COMPLETE      | AWS::CloudFormation::Stack | ${stack}`);
  console.error('');
  console.error(` ✅  ${stack}`);
  console.log('Outputs:');
  for (const [key, val] of Object.entries(outputs[stack])) { console.log(`${stack}.${key} = ${val}`); }
  fs.writeFileSync(outputsFile, JSON.stringify(outputs, null, 2));
  return 0;
});
