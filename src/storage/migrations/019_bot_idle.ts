export const name = 'bot_idle';

// The idle close (src/conversation/idle-close.ts) looks for the robot's conversations across shops every minute. Keyed by
// created_at, which never changes, and limited to state 'bot': a message's update of last_seq and updated_at touches no
// indexed column and stays HOT (migration 004; found in review, an index on updated_at made all 300 of 300 updates non-HOT).
// The few conversations with the robot at any time are scanned and filtered on updated_at.
export const up = /* sql */ `
create index conversations_bot_open on conversations (created_at) where state = 'bot';
`;
