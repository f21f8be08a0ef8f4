// The CDK CLI's output (aws-cdk 2.1149.0) for an account/region without the CDKToolkit bootstrap stack.
require('./standin').run(({ stack }) => {
  console.error('');
  console.error('✨  Synthesis time: 0.01s');
  console.error('');
  console.error(`${stack}: start: Building ${stack} Template`);
  console.error(`${stack}: success: Built ${stack} Template`);
  console.error(` ❌  ${stack} failed: SSM parameter /cdk-bootstrap/hnb659fds/version not found. Has the environment been bootstrapped? Please run 'cdk bootstrap' (see https://docs.aws.amazon.com/cdk/latest/guide/bootstrapping.html)`);
  return 1;
});
