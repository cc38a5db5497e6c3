export const name = 'open_and_append';

// A buyer's first message used to take two group commits before its ack: one statement opened
// the conversation, a second stored the message, each a round trip and a commit (an fsync). Now
// the batch function opens the conversation itself for a request that names no conversation but
// the shop and buyer (`gs`, `gb`) and a new id (`nc`): it finds the buyer's open conversation
// with the shop or inserts one, then stores the message as for any other request, in the same
// statement and the same commit. Two requests of one buyer in a batch (two devices) share one
// conversation; the partial unique index settles another node creating it at the same moment
// (ON CONFLICT DO NOTHING waits for that insert to commit, and the next select sees its row).
//
// `o_c` is the conversation the message went to and `o_created` whether this request opened
// it. Nodes that select only the older columns keep working while a cluster is upgraded.
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
begin
  for r in select * from jsonb_to_recordset(reqs) as t(i int, c text, role text, sid text, sname text, cmid text, body jsonb, gb text, gs text, nc text, bname text) loop
    if r.cmid is not null and exists (select 1 from messages m where m.sender_id = r.sid and m.client_msg_id = r.cmid) then
      continue;
    end if;
    conv := r.c;
    made := false;
    if conv is null then
      if r.nc is null or r.gs is null or r.gb is null then
        continue;
      end if;
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
      if conv is null then
        continue;
      end if;
    end if;
    update conversations c set last_seq = c.last_seq + 1, updated_at = now()
      where c.id = conv and c.state <> 'closed' and (r.gb is null or c.buyer_id = r.gb) and (r.gs is null or c.shop_id = r.gs)
      returning c.last_seq, c.shop_id, c.state, c.buyer_id, c.agent_id into v;
    if not found then
      continue;
    end if;
    insert into messages (conversation_id, seq, shop_id, sender_role, sender_id, sender_name, client_msg_id, content)
      values (conv, v.last_seq, v.shop_id, r.role, r.sid, r.sname, r.cmid, r.body);
    o_i := r.i;
    o_seq := v.last_seq;
    o_shop_id := v.shop_id;
    o_state := v.state;
    o_buyer_id := v.buyer_id;
    o_agent_id := v.agent_id;
    o_created_at := now();
    o_c := conv;
    o_created := made;
    return next;
  end loop;
end
$$;
`;
