import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statements } from '../../src/storage/migrations/runner.ts';

test("a migration splits at a line-ending ';', except inside a $$-quoted function body", () => {
  const script = `
-- a comment alone is not a statement;
create table t (a int);
create function f() returns int language plpgsql as $$
declare
  x int;
begin
  x := 1;
  return x;
end
$$;
alter table t add column b int;`;
  const out = statements(script);
  assert.equal(out.length, 3);
  assert.equal(out[0], 'create table t (a int)', 'a comment ending in ; is no statement of its own');
  assert.match(out[1]!, /^create function f\(\)[\s\S]*x := 1;[\s\S]*end\n\$\$$/);
  assert.equal(out[2], 'alter table t add column b int');
});
