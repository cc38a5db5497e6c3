import { rowSecurity } from '../keys.ts';

export const name = 'row_level_security';

// Tenant isolation enforced by PostgreSQL as well as by the code (docs/decisions/0008-row-level-
// security.md). Every table of this schema with a shop_id column gets one policy: a row is
// visible and writable only when its shop_id equals the session's kefu.shop_id, or when that
// setting is the system scope. Sensitive words and knowledge versions are keyed by `scope` (a
// shop id, or `*` for the global list every shop reads and only the system writes); read marks
// follow their conversation. FORCE makes the policies bind the table owner too; only a
// superuser or a BYPASSRLS role passes around them. current_setting(…, true) is NULL in a
// session that never set it, so such a session sees nothing. A later migration that creates a
// table with shop_id must add the same policy (test/storage/row-security.test.ts checks).
export const up = /* sql */ `
do $$
declare t record;
begin
  for t in
    select c.table_name from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'shop_id' and tb.table_type = 'BASE TABLE'
  loop
    execute format('alter table %I enable row level security', t.table_name);
    execute format('alter table %I force row level security', t.table_name);
    execute format('create policy ${rowSecurity.policy} on %I using (shop_id = current_setting(%L, true) or current_setting(%L, true) = %L) with check (shop_id = current_setting(%L, true) or current_setting(%L, true) = %L)',
      t.table_name, '${rowSecurity.setting}', '${rowSecurity.setting}', '${rowSecurity.system}', '${rowSecurity.setting}', '${rowSecurity.setting}', '${rowSecurity.system}');
  end loop;
end
$$;

alter table sensitive_words enable row level security;
alter table sensitive_words force row level security;
create policy ${rowSecurity.policy} on sensitive_words
  using (scope = current_setting('${rowSecurity.setting}', true) or scope = '${rowSecurity.system}' or current_setting('${rowSecurity.setting}', true) = '${rowSecurity.system}')
  with check (scope = current_setting('${rowSecurity.setting}', true) or current_setting('${rowSecurity.setting}', true) = '${rowSecurity.system}');
alter table knowledge_versions enable row level security;
alter table knowledge_versions force row level security;
create policy ${rowSecurity.policy} on knowledge_versions
  using (scope = current_setting('${rowSecurity.setting}', true) or scope = '${rowSecurity.system}' or current_setting('${rowSecurity.setting}', true) = '${rowSecurity.system}')
  with check (scope = current_setting('${rowSecurity.setting}', true) or current_setting('${rowSecurity.setting}', true) = '${rowSecurity.system}');
alter table conversation_reads enable row level security;
alter table conversation_reads force row level security;
create policy ${rowSecurity.policy} on conversation_reads
  using (exists (select 1 from conversations c where c.id = conversation_reads.conversation_id))
  with check (exists (select 1 from conversations c where c.id = conversation_reads.conversation_id));
`;
