// bin/kefu.js, what `npm start`, `npm run kefu` and `npm run migrate` run: on a Node.js that cannot
// run TypeScript it says what to do in one line instead of dying with ERR_UNKNOWN_FILE_EXTENSION.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const ONE_LINE = /^kefu needs Node\.js 22\.18 or newer \(you have [\d.]+\): install Node\.js 24 LTS .*run the command again\n$/;

/** Runs bin/kefu.js on this Node.js, made to report another version. */
const runAs = (version: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`, 'bin/kefu.js', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
  });

const oldNode = '/usr/bin/node';
const oldVersion = existsSync(oldNode) ? spawnSync(oldNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim() : '';
const [oldMajor = 99, oldMinor = 0] = oldVersion.split('.').map(Number);
const tooOld = oldMajor < 22 || (oldMajor === 22 && oldMinor < 18);

describe('the Node.js version check', () => {
  test('a real old Node.js gets one line and exit 1', { skip: !tooOld && `no Node.js older than 22.18 at ${oldNode}` }, () => {
    const r = spawnSync(oldNode, ['bin/kefu.js', 'start'], { cwd: root, env: { PATH: process.env.PATH }, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, ONE_LINE);
    assert.ok(r.stderr.includes(`you have ${oldVersion}`));
    assert.equal(r.stdout, '');
  });

  for (const v of ['20.19.0', '22.17.1', '23.5.0']) {
    test(`Node.js ${v} is refused before anything loads`, () => {
      const r = runAs(v, ['start']);
      assert.equal(r.status, 1);
      assert.match(r.stderr, ONE_LINE);
      assert.ok(r.stderr.includes(`you have ${v}`));
    });
  }

  for (const v of ['22.18.0', '23.6.0']) {
    test(`Node.js ${v} runs kefu`, () => {
      const r = runAs(v, ['help']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^usage: kefu <command>/);
    });
  }

  test('npm scripts go through bin/kefu.js; engines and engine-strict say the same', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
    for (const s of ['start', 'kefu', 'migrate']) assert.match(pkg.scripts[s]!, /^node bin\/kefu\.js\b/, s);
    assert.equal(pkg.engines.node, '^22.18.0 || >=23.6.0');
    assert.match(readFileSync(join(root, '.npmrc'), 'utf8'), /^engine-strict=true$/m);
  });
});
