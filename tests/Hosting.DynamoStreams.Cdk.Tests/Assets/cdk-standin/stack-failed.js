// The CDK CLI's output (aws-cdk 2.1149.0, --progress events) for a stack CloudFormation rolled back on creation.
require('./standin').run(({ stack }) => {
  console.error(`${stack}: deploying... [1/1]`);
  console.error(`${stack}: creating CloudFormation changeset...`);
  console.error(`${stack} | 0/12 | 10:01:00 AM | REVIEW_IN_PROGRESS   | AWS::CloudFormation::Stack | ${stack} User Initiated`);
  console.error(`${stack} | 3/12 | 10:01:09 AM | CREATE_FAILED        | AWS::Lambda::Function      | ${stack}/LambdaFunction (ordersLambdaFunction) Resource handler returned message: "Memory size 100000 is not valid"`);
  console.error(`${stack} | 4/12 | 10:01:20 AM | ROLLBACK_COMPLETE    | AWS::CloudFormation::Stack | ${stack}`);
  console.error('');
  console.error(` ❌  ${stack} failed: ToolkitError: The stack named ${stack} failed creation, it may need to be manually deleted from the AWS console: ROLLBACK_COMPLETE: Resource handler returned message: "Memory size 100000 is not valid"`);
  return 1;
});
