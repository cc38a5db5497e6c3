export const name = 'append_state_guard';

// A robot reply (and the notice of its hand-over) is stored only while the conversation is still
// with the robot. An agent taking the conversation over on another node is announced to this
// node's robot only through the bus, so a turn in flight there could still land its reply after
// the take-over (found in review). The guard makes it part of the append: a request may name the
// state it needs (`gst`), and is skipped like a closed conversation's when the row is in another.
// The function is otherwise 013's.
export const up = /* sql */ `
create or replace function kefu_append_messages(reqs jsonb)
returns table (o_i int, o_seq bigint, o_shop_id text, o_state text, o_buyer_id text, o_agent_id text, o_created_at timestamptz, o_c text, o_created boolean)
language plpgsql as $$
declare
  r record;
  v record;
  conv text;
  made boolean;
  opened_i int[] := '{}';
  opened_c text[] := '{}';
  opened_made boolean[] := '{}';
begin
  for r in select * from jsonb_to_recordset(reqs) as t(i int, cmid text, sid text, gb text, gs text, nc text, bname text, c text)
      where t.c is null and t.nc is not null and t.gs is not null and t.gb is not null
      order by t.gs collate "C", t.gb collate "C", t.i loop
    if r.cmid is not null and exists (select 1 from messages m where m.sender_id = r.sid and m.client_msg_id = r.cmid) then
      continue;
    end if;
    made := false;
    select c.id into conv from conversations c where c.shop_id = r.gs and c.buyer_id = r.gb and c.state <> 'closed';
    if conv is null then
      insert into conversations (id, shop_id, buyer_id, buyer_name, state, agent_id, last_seq)
        values (r.nc, r.gs, r.gb, r.bname, 'bot', null, 0)
        on conflict (shop_id, buyer_id) where state <> 'closed' do nothing
        returning id into conv;
      made := conv is not null;
      if conv is null then
        select c.id into conv from conversations c where c.shop_id = r.gs and c.buyer_id = r.gb and c.state <> 'closed';
      end if;
    end if;
    if conv is not null then
      opened_i := opened_i || r.i;
      opened_c := opened_c || conv;
      opened_made := opened_made || made;
    end if;
  end loop;

  for r in select t.*, coalesce(t.c, o.c) as conv, coalesce(o.made, false) as made
      from jsonb_to_recordset(reqs) as t(i int, c text, role text, sid text, sname text, cmid text, body jsonb, gb text, gs text, gst text, nc text, bname text)
      left join unnest(opened_i, opened_c, opened_made) as o(i, c, made) on o.i = t.i
      where coalesce(t.c, o.c) is not null
      order by coalesce(t.c, o.c) collate "C", t.i loop
    -- An opening's resend was skipped above; another request's is skipped here.
    if r.c is not null and r.cmid is not null and exists (select 1 from messages m where m.sender_id = r.sid and m.client_msg_id = r.cmid) then
      continue;
    end if;
    update conversations c set last_seq = c.last_seq + 1, updated_at = now()
      where c.id = r.conv and c.state <> 'closed' and (r.gb is null or c.buyer_id = r.gb) and (r.gs is null or c.shop_id = r.gs) and (r.gst is null or c.state = r.gst)
      returning c.last_seq, c.shop_id, c.state, c.buyer_id, c.agent_id into v;
    if not found then
      continue;
    end if;
    insert into messages (conversation_id, seq, shop_id, sender_role, sender_id, sender_name, client_msg_id, content)
      values (r.conv, v.last_seq, v.shop_id, r.role, r.sid, r.sname, r.cmid, r.body);
    o_i := r.i;
    o_seq := v.last_seq;
    o_shop_id := v.shop_id;
    o_state := v.state;
    o_buyer_id := v.buyer_id;
    o_agent_id := v.agent_id;
    o_created_at := now();
    o_c := r.conv;
    o_created := r.made;
    return next;
  end loop;
end
$$;
`;
