export const name = 'drop_failed_bot_turns';

// conversations.failed_bot_turns was created for a hand-over rule that the dialogue keeps in its
// own state instead; nothing ever wrote or read it.
export const up = /* sql */ `
alter table conversations drop column if exists failed_bot_turns;
`;
