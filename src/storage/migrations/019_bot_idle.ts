export const name = 'bot_idle';

// The idle close (src/conversation/idle-close.ts) looks for the robot's conversations nobody has written in for a
// while, across shops, every minute: this keeps that a read of the few oldest, whatever the table's size.
export const up = /* sql */ `
create index conversations_bot_idle on conversations (updated_at) where state = 'bot';
`;
