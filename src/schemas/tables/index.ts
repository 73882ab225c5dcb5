import { assetsTable } from './assets.ts';
import { chainCompaniesTable } from './chainCompanies.ts';
import { chainSegmentsTable } from './chainSegments.ts';
import { fundsTable } from './funds.ts';
import { leadsTable } from './leads.ts';
import { manualScoresTable } from './manualScores.ts';
import { negotiatingTable } from './negotiating.ts';
import { parksTable } from './parks.ts';
import { producingTable } from './producing.ts';
import { signedTable } from './signed.ts';
import { startedTable } from './started.ts';
import { targetsTable } from './targets.ts';
import { tripsTable } from './trips.ts';
import { unitsTable } from './units.ts';

/**
 * The registry of table kinds: one line per kind, each defined in its own file beside this one.
 * Adding a ledger kind is one file plus one line here (and the metrics that count it).
 */
export const TABLES = {
  leads: leadsTable,
  negotiating: negotiatingTable,
  signed: signedTable,
  started: startedTable,
  producing: producingTable,
  funds: fundsTable,
  trips: tripsTable,
  units: unitsTable,
  targets: targetsTable,
  manualScores: manualScoresTable,
  chainSegments: chainSegmentsTable,
  chainCompanies: chainCompaniesTable,
  parks: parksTable,
  assets: assetsTable,
} as const;
