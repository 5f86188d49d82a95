#!/usr/bin/env node
// biome-ignore lint/suspicious/noRedundantUseStrict: package.json has no "type", so this file is CommonJS, where it is not redundant
'use strict';
// Thin launcher: the command itself is built by `npm run build` into dist/cli.
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('o2-cognito is not built yet; run `npm run build` in the project folder first.\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    // Like Lambda freezing its sandbox after a call: a handler's leftover timers or sockets must not keep
    // the command alive once its answer is out, so exit as soon as stdout has been flushed.
    process.stdout.write('', () => process.exit(code));
  });
