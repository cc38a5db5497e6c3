/**
 * A shop's service figures over a window [from, to) (`GET /shops/{shopId}/stats`), computed in SQL
 * from the conversations, messages and ratings tables, so every node reports the same numbers.
 * The same statements run on PGlite and PostgreSQL (plain aggregates, FILTER, window functions).
 *
 * Definitions (each counts what happened inside the window; the window is half-open):
 * - conversations: opened (created_at), handedOver (handed_over_at), closed (closed_at);
 *   closedUnanswered: handed over, then closed with no agent message (closed from the queue).
 * - firstResponseSeconds: first_response_at − handed_over_at of the conversations handed over in
 *   the window that have had a first response; avg and median (p50).
 * - replySeconds: for each agent message sent in the window, the time since the buyer started
 *   waiting for it: the buyer's earliest message after the previous agent message, or the
 *   hand-over when that came later (time spent with the robot is not agent reply time). Agent
 *   messages with no buyer message waiting (a second message in a row) are not replies.
 * - resolutionSeconds: closed_at − handed_over_at of the handed-over conversations closed in it
 *   that an agent answered: one closed from the queue unanswered was resolved by nobody (found from
 *   outside: an admin closing a night's queue read as 8-second resolutions).
 * - csat: ratings created in it; satisfied = score 4 or 5; share = satisfied / rated.
 * - containment: conversations closed in it; withoutHuman = never handed over and never held by
 *   an agent; share = withoutHuman / closed.
 * Averages, medians and shares are null when nothing was counted.
 */
import type { Db } from '../storage/ports.ts';
import { rawRows } from '../storage/raw.ts';

export interface ShopStats {
  from: string;
  to: string;
  conversations: { opened: number; handedOver: number; closed: number; closedUnanswered: number };
  firstResponseSeconds: { avg: number | null; p50: number | null; count: number };
  replySeconds: { avg: number | null; count: number };
  resolutionSeconds: { avg: number | null; count: number };
  csat: { rated: number; satisfied: number; share: number | null };
  containment: { closed: number; withoutHuman: number; share: number | null };
}

// $1 shop, $2 from, $3 to.
const CONVERSATIONS_SQL = `
with c as (
  select created_at, handed_over_at, first_response_at, closed_at, agent_id,
    handed_over_at >= $2::timestamptz and handed_over_at < $3::timestamptz as handed_in,
    closed_at >= $2::timestamptz and closed_at < $3::timestamptz as closed_in,
    extract(epoch from first_response_at - handed_over_at)::float8 as first_s
  from conversations
  where shop_id = $1 and created_at < $3::timestamptz
    and (created_at >= $2::timestamptz or handed_over_at >= $2::timestamptz or closed_at >= $2::timestamptz)
)
select
  count(*) filter (where created_at >= $2::timestamptz)::int as opened,
  count(*) filter (where handed_in)::int as handed_over,
  count(*) filter (where closed_in)::int as closed,
  count(*) filter (where closed_in and handed_over_at is null and agent_id is null)::int as without_human,
  count(first_s) filter (where handed_in)::int as first_count,
  avg(first_s) filter (where handed_in)::float8 as first_avg,
  percentile_cont(0.5) within group (order by first_s) filter (where handed_in and first_s is not null) as first_p50,
  count(*) filter (where closed_in and handed_over_at is not null and first_response_at is null)::int as closed_unanswered,
  count(*) filter (where closed_in and handed_over_at is not null and first_response_at is not null)::int as resolution_count,
  avg(extract(epoch from closed_at - handed_over_at)) filter (where closed_in and handed_over_at is not null and first_response_at is not null)::float8 as resolution_avg
from c`;

// Only conversations with a message in the window can have a reply in it, and every message
// sets its conversation's updated_at, which bounds the scan. "answered": how many agent messages
// came before this one in its conversation, so the buyer's messages waiting for one agent
// message share its value.
const REPLIES_SQL = `
with c as (
  select id, handed_over_at from conversations
  where shop_id = $1 and updated_at >= $2::timestamptz and created_at < $3::timestamptz
), m as (
  select m.conversation_id, m.sender_role, m.created_at, c.handed_over_at,
    count(*) filter (where m.sender_role = 'agent')
      over (partition by m.conversation_id order by m.seq rows between unbounded preceding and 1 preceding) as answered
  from messages m join c on c.id = m.conversation_id
  where m.created_at < $3::timestamptz
), w as (
  select sender_role, created_at, handed_over_at,
    min(created_at) filter (where sender_role = 'customer') over (partition by conversation_id, answered) as waiting_since
  from m
), r as (
  select extract(epoch from created_at - greatest(waiting_since, case when handed_over_at <= created_at then handed_over_at end))::float8 as s
  from w
  where sender_role = 'agent' and created_at >= $2::timestamptz and waiting_since is not null
)
select count(*)::int as reply_count, avg(s)::float8 as reply_avg from r`;

const RATINGS_SQL = `
select count(*)::int as rated, count(*) filter (where score >= 4)::int as satisfied
from conversation_ratings
where shop_id = $1 and created_at >= $2::timestamptz and created_at < $3::timestamptz`;

interface ConversationFigures {
  opened: number;
  handed_over: number;
  closed: number;
  without_human: number;
  first_count: number;
  first_avg: number | null;
  first_p50: number | null;
  resolution_count: number;
  resolution_avg: number | null;
  closed_unanswered: number;
}

// Seconds to the millisecond (the timestamps' useful precision); shares to four places.
const seconds = (v: number | null) => (v === null ? null : Math.round(Number(v) * 1000) / 1000);
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

export async function shopStats(db: Db, shopId: string, from: Date, to: Date): Promise<ShopStats> {
  const params = [shopId, from.toISOString(), to.toISOString()];
  const [conv] = await rawRows<ConversationFigures>(db, CONVERSATIONS_SQL, params);
  const [replies] = await rawRows<{ reply_count: number; reply_avg: number | null }>(db, REPLIES_SQL, params);
  const [ratings] = await rawRows<{ rated: number; satisfied: number }>(db, RATINGS_SQL, params);
  const c = conv!;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    conversations: { opened: c.opened, handedOver: c.handed_over, closed: c.closed, closedUnanswered: c.closed_unanswered },
    firstResponseSeconds: { avg: seconds(c.first_avg), p50: seconds(c.first_p50), count: c.first_count },
    replySeconds: { avg: seconds(replies!.reply_avg), count: replies!.reply_count },
    resolutionSeconds: { avg: seconds(c.resolution_avg), count: c.resolution_count },
    csat: { rated: ratings!.rated, satisfied: ratings!.satisfied, share: share(ratings!.satisfied, ratings!.rated) },
    containment: { closed: c.closed, withoutHuman: c.without_human, share: share(c.without_human, c.closed) },
  };
}
