import type { Signed, SnapshotRecords, SourceRef } from '../../src/schemas/records.ts';

/**
 * Record builders shared by the tests: each fills what the data stage always sets (the source
 * row, the yes/no fields' 否) so a test names only what it is about.
 */

/** A source reference, e.g. `sourceRef('ledgers/2025-10/签约项目表.xlsx', 5)`. */
export const sourceRef = (file: string, row: number, sheet = 'Sheet1'): SourceRef => ({ file, sheet, row });

/** A snapshot with no records. */
export const emptyRecords = (): SnapshotRecords => ({
  leads: [],
  negotiating: [],
  signed: [],
  started: [],
  producing: [],
  funds: [],
  trips: [],
});

/**
 * A 签约 record as the data stage writes it: 是否外资/是否列入省台账/是否公开 default 否.
 *
 * @example signedRecord({ src, name: '锂电池材料项目', unit: '甲镇', investmentYi: 12, signDate: '2025-03-18' })
 */
export const signedRecord = (
  r: Pick<Signed, 'src' | 'name' | 'unit' | 'investmentYi' | 'signDate'> & Partial<Signed>,
): Signed => ({ foreign: false, provincial: false, public: false, ...r });
