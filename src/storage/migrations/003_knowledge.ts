export const name = 'knowledge';
// Filled in by the robot's shop knowledge (FAQ, sensitive words).
export const up = /* sql */ `select 1;`;
