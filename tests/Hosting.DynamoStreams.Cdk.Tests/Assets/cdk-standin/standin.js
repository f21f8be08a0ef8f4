// A stand-in for the AWS CDK CLI, used ONLY for the failure and success paths that need an AWS account
// (not bootstrapped, a rolled-back stack, a deploy that writes outputs). It checks that --app is a real
// cloud assembly holding the selected stack, records its invocation, and prints the real CLI's messages.
'use strict';
const fs = require('fs');
const path = require('path');

exports.run = (scenario) => {
  const args = process.argv.slice(2);
  const value = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
  const flagsWithValue = ['--app', '--outputs-file', '--progress', '--require-approval', '--profile'];
  const stacks = args.slice(1).filter((a, i, all) => !a.startsWith('--') && !flagsWithValue.includes(all[i - 1]));
  fs.writeFileSync(path.join(process.cwd(), 'standin-invocation.json'), JSON.stringify({
    args,
    AWS_REGION: process.env.AWS_REGION ?? null,
    CDK_DEFAULT_REGION: process.env.CDK_DEFAULT_REGION ?? null,
  }));

  const manifestPath = path.join(value('--app') ?? '', 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    console.error(`--app ${value('--app')} is not a cloud assembly (no manifest.json)`);
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  for (const stack of stacks) {
    if (!manifest.artifacts || !manifest.artifacts[stack]) {
      console.error(`No stack found matching '${stack}'. Use "list" to print manifest`);
      process.exit(1);
    }
  }
  process.exit(scenario({ command: args[0], stack: stacks[0], outputsFile: value('--outputs-file') }));
};
