export const name = 'state_version';

// A conversation's state changes counted (docs/protocol.md, "conversation"): every `conversation`
// frame carries the count as `stateVersion`, so a client can drop a frame older than one it has
// applied. Two nodes' frames about one conversation can arrive out of order (a queue position
// read under the shop lock and told after its commit can land after another node's accept was
// announced), and no lock can order what happens after a commit. A constant default rewrites no row.
export const up = /* sql */ `
alter table conversations add column state_version integer not null default 0;
`;
