// A successful deploy whose outputs are the ones the test wrote to standin-outputs.json in the CLI's working folder:
// they point at resources the test created in a real emulator standing in for AWS (the local handler tests).
const fs = require('fs');
const path = require('path');
require('./standin').run(({ command, stack, outputsFile }) => {
  if (command !== 'deploy') {
    console.error(`outputs-from-file only deploys (got ${command})`);
    return 2;
  }
  const values = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'standin-outputs.json'), 'utf8'));
  console.error(`${stack}: deploying... [1/1]`);
  console.error(` ✅  ${stack}`);
  fs.writeFileSync(outputsFile, JSON.stringify({ [stack]: values }, null, 2));
  return 0;
});
