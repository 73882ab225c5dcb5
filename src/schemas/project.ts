import { z } from 'zod';

/**
 * A project across ledgers and snapshots (contract §6): `projects.json` of the site data, and the
 * per-bulletin diff between two snapshots.
 */

export const STAGES = ['线索', '在谈', '签约', '开工', '投产'] as const;
export type Stage = (typeof STAGES)[number];

/** A project as one snapshot saw it. */
export const projectStateSchema = z.object({
  period: z.string(),
  stage: z.enum(STAGES),
  name: z.string(),
  investmentYi: z.number().optional(),
  fundsYi: z.number(),
  unit: z.string().optional(),
});
export type ProjectState = z.output<typeof projectStateSchema>;

/** One project across ledgers and snapshots (contract §6), for the project pages and the funnel. */
export const projectSchema = z.object({
  /** File-safe stable id, e.g. `p-3f9a1c2b7d`. */
  id: z.string(),
  key: z.string(),
  name: z.string(),
  code: z.string().optional(),
  unit: z.string().optional(),
  chain: z.string().optional(),
  segment: z.string().optional(),
  investor: z.string().optional(),
  investmentYi: z.number().optional(),
  stage: z.enum(STAGES),
  /** First date of each stage in the latest snapshot that has the project. */
  dates: z.object({
    lead: z.string().optional(),
    negotiating: z.string().optional(),
    signed: z.string().optional(),
    started: z.string().optional(),
    producing: z.string().optional(),
  }),
  fundsYi: z.number(),
  public: z.boolean(),
  /** Period of the last snapshot that lists the project; earlier than the latest when it was removed. */
  lastSeen: z.string(),
  firstSeen: z.string(),
  /** Period when the stage or amount last changed. */
  lastChange: z.string(),
  /** One entry per snapshot where the stage, amount or name changed (the first sighting included). */
  history: z.array(projectStateSchema),
});
export type Project = z.output<typeof projectSchema>;

/** A project in a diff line, e.g. `{ key: 'n:光伏组件', name: '光伏组件项目', stage: '签约', investmentYi: 12 }`. */
const diffProjectSchema = z.object({
  key: z.string(),
  name: z.string(),
  stage: z.enum(STAGES),
  investmentYi: z.number().optional(),
});

/** What changed between two snapshots: shown on each bulletin so corrections are never silent. */
export const snapshotDiffSchema = z.object({
  added: z.array(diffProjectSchema),
  removed: z.array(diffProjectSchema),
  amountChanged: z.array(
    z.object({ key: z.string(), name: z.string(), from: z.number().optional(), to: z.number().optional() }),
  ),
  stageChanged: z.array(z.object({ key: z.string(), name: z.string(), from: z.enum(STAGES), to: z.enum(STAGES) })),
});
export type SnapshotDiff = z.output<typeof snapshotDiffSchema>;
