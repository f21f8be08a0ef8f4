// Test module whose first load fails and every later load succeeds: the marker file TEST_INIT_MARKER records the
// first attempt. Shows that a runtime restarted after an init error serves the next invocation.
'use strict';

const fs = require('node:fs');

const marker = process.env.TEST_INIT_MARKER;
if (!marker || !fs.existsSync(marker)) {
  if (marker) {
    fs.writeFileSync(marker, 'failed once');
  }
  throw new RangeError('first start fails');
}

exports.handler = async () => ({ pid: process.pid, initialized: true });
