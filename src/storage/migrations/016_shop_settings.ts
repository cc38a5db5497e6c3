import { rowSecurity } from '../keys.ts';

export const name = 'shop_settings';

// A shop's own settings the robot reads (src/knowledge/): for now its time zone (an IANA name;
// NULL or no row: the process's KEFU_TIME_ZONE). A shop in New York served by the same kefu as
// shops in Shanghai read "yesterday" and saw times in China time (found from outside). The row
// carries shop_id, so it gets the row-level policy of migration 011, written out here since 011
// only covered the tables that existed then.
export const up = /* sql */ `
create table shop_settings (
  shop_id text primary key,
  time_zone text check (time_zone is null or length(time_zone) between 1 and 64),
  updated_by text not null,
  updated_at timestamptz not null default now()
);
alter table shop_settings enable row level security;
alter table shop_settings force row level security;
create policy ${rowSecurity.policy} on shop_settings
  using (shop_id = current_setting('${rowSecurity.setting}', true) or current_setting('${rowSecurity.setting}', true) = '${rowSecurity.system}')
  with check (shop_id = current_setting('${rowSecurity.setting}', true) or current_setting('${rowSecurity.setting}', true) = '${rowSecurity.system}');
`;
