export const name = 'append_in_lock_order';

// Two batches in flight (the message writer runs two at once) that update the same conversations'
// rows in opposite orders deadlock: batch A holds conversation 1 and waits for 2, batch B holds 2
// and waits for 1. PostgreSQL breaks the cycle only after `deadlock_timeout` (1 s by default) by
// failing one statement, whose requests the writer then stores one by one. Under a burst (a
// buyer's next message in one batch, the robot's reply to the same conversation in the other) that
// held hundreds of acks for 1-1.3 s.
//
// Now every batch takes its conversations' row locks in one order (the conversation id's, byte-wise), so no
// cycle can form. A request that opens its conversation is resolved first (found, or inserted: a
// new row no other transaction can see, so nobody waits for it), in the order of shop and buyer;
// then every request is stored in the order of its conversation, and within one conversation in
// request order, so seqs still follow the order the writer was called in. Results carry the
// request's index as before, so the caller does not see the new order.
export const up = /* sql */ `
drop function kefu_append_messages(jsonb);
create function kefu_append_messages(reqs jsonb)
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
      from jsonb_to_recordset(reqs) as t(i int, c text, role text, sid text, sname text, cmid text, body jsonb, gb text, gs text, nc text, bname text)
      left join unnest(opened_i, opened_c, opened_made) as o(i, c, made) on o.i = t.i
      where coalesce(t.c, o.c) is not null
      order by coalesce(t.c, o.c) collate "C", t.i loop
    -- An opening's resend was skipped above; another request's is skipped here.
    if r.c is not null and r.cmid is not null and exists (select 1 from messages m where m.sender_id = r.sid and m.client_msg_id = r.cmid) then
      continue;
    end if;
    update conversations c set last_seq = c.last_seq + 1, updated_at = now()
      where c.id = r.conv and c.state <> 'closed' and (r.gb is null or c.buyer_id = r.gb) and (r.gs is null or c.shop_id = r.gs)
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
