#!/usr/bin/env node
// The `kefu` command, and what `npm start`, `npm run kefu` and `npm run migrate` run. Plain
// JavaScript on purpose: it must load on any Node.js to tell a user of an old one what to do,
// because src/main.ts is TypeScript that only Node.js >= 22.18 (or >= 23.6) runs by itself; an
// older one dies with ERR_UNKNOWN_FILE_EXTENSION and a stack trace.
/* global process */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (!(major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18))) {
  process.stderr.write(
    `kefu needs Node.js 22.18 or newer (you have ${process.versions.node}): install Node.js 24 LTS (https://nodejs.org/, or \`nvm install 24\`) and run the command again\n`,
  );
  process.exit(1);
}
await import('../src/main.ts');
