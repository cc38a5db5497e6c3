export const name = 'shop_contacts';

// What a shop allows its agents to send besides the operator's KEFU_ALLOWED_* lists (src/knowledge/): its own link
// hosts, image hosts and phone numbers, as one JSON object `{ linkHosts, imageHosts, phones }` (NULL: nothing of its own).
// One shop's site or picture storage is not every shop's: an operator-wide list either let one shop's agents link another
// shop's site or left each shop's own refused (found from outside: agents' images passed from any host while their links
// were refused).
export const up = /* sql */ `
alter table shop_settings add column contacts jsonb check (contacts is null or jsonb_typeof(contacts) = 'object');
`;
