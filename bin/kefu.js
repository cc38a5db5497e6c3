#!/usr/bin/env node
// The `kefu` command, and what `npm start`, `npm run kefu` and `npm run migrate` run. Plain
// JavaScript on purpose: it must load on any Node.js to tell a user of an old one what to do,
// because src/main.ts is TypeScript that only Node.js >= 22.18 (or >= 23.6) runs by itself; an
// older one dies with ERR_UNKNOWN_FILE_EXTENSION and a stack trace.
/* global process, URL */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (!(major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18))) {
  process.stderr.write(
    `kefu needs Node.js 22.18 or newer (you have ${process.versions.node}): install Node.js 24 LTS (https://nodejs.org/, or \`nvm install 24\`) and run the command again\n`,
  );
  process.exit(1);
}
// V8's compiled code of kefu and its dependencies, kept between starts beside kefu's other local
// caches (src/storage/local-cache.ts): a start spends about 0.5 s less CPU compiling (1.3 s to
// 0.8 s measured for loading the app), which every worker and every restart pays. Node.js keys it
// by its own version and each file's contents; a read-only install just compiles as before.
// NODE_COMPILE_CACHE, when set, wins; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
if (!process.env.NODE_COMPILE_CACHE) {
  try {
    const { enableCompileCache } = await import('node:module');
    enableCompileCache?.(new URL('../node_modules/.cache/kefu/compile', import.meta.url).pathname);
  } catch {
    // Best effort, as the other caches.
  }
}
await import('../src/main.ts');
