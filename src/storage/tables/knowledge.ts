// Tables of shop knowledge (FAQ, sensitive words) used by the robot.
// Owned by src/robot/; filled in by its migration (003_knowledge.ts).
export interface KnowledgeTables {}
