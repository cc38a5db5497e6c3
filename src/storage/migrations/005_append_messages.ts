export const name = 'append_messages';

// Group commit (src/conversation/writer.ts) stores a batch of messages in one call of this
// function: one round trip and one commit for the batch, and inside it each message takes the
// same steps as the single-message statement (repository.ts appendMessage), one after another.
// A set-based statement did the same in fewer lines, but its plan depended on the planner's idea
// of how many requests a JSON array holds (it guesses 100): a prepared plan then scanned every
// message to check clientMsgIds. Here every step is an index probe by key, whatever the stats.
//
// A request is skipped (no row returned) when its clientMsgId is already stored for its sender,
// or its conversation is closed, missing or fails the guard; the caller settles those alone. A
// concurrent twin of a clientMsgId raises a unique violation and nothing of the batch is stored.
export const up = /* sql */ `
create function kefu_append_messages(reqs jsonb)
returns table (o_i int, o_seq bigint, o_shop_id text, o_state text, o_buyer_id text, o_agent_id text, o_created_at timestamptz)
language plpgsql as $$
declare
  r record;
  v record;
begin
  for r in select * from jsonb_to_recordset(reqs) as t(i int, c text, role text, sid text, sname text, cmid text, body jsonb, gb text, gs text) loop
    if r.cmid is not null and exists (select 1 from messages m where m.sender_id = r.sid and m.client_msg_id = r.cmid) then
      continue;
    end if;
    update conversations c set last_seq = c.last_seq + 1, updated_at = now()
      where c.id = r.c and c.state <> 'closed' and (r.gb is null or c.buyer_id = r.gb) and (r.gs is null or c.shop_id = r.gs)
      returning c.last_seq, c.shop_id, c.state, c.buyer_id, c.agent_id into v;
    if not found then
      continue;
    end if;
    insert into messages (conversation_id, seq, shop_id, sender_role, sender_id, sender_name, client_msg_id, content)
      values (r.c, v.last_seq, v.shop_id, r.role, r.sid, r.sname, r.cmid, r.body);
    o_i := r.i;
    o_seq := v.last_seq;
    o_shop_id := v.shop_id;
    o_state := v.state;
    o_buyer_id := v.buyer_id;
    o_agent_id := v.agent_id;
    o_created_at := now();
    return next;
  end loop;
end
$$;
`;
