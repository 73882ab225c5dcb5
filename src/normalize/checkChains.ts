import type { Issue } from '../schemas/issue.ts';
import type { ChainSegment, SnapshotRecords } from '../schemas/records.ts';
import { normalizeChain } from '../schemas/chain.ts';

/**
 * Warns once per file and chain name when a 签约 row names an industry chain the 产业链图谱 does
 * not define (in its 环节 or 企业 sheet) (the project still counts; it just attaches to no chain map). Silent when the zone has
 * no chain map at all.
 */
export function checkChains(
  records: SnapshotRecords,
  chains: readonly Pick<ChainSegment, 'chain'>[],
  period: string,
): Issue[] {
  if (chains.length === 0) return [];
  const known = new Set(chains.map((s) => normalizeChain(s.chain)));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const r of records.signed) {
    if (!r.chain || known.has(normalizeChain(r.chain))) continue;
    const key = `${r.src.file}\u0000${r.chain}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const count = records.signed.filter((s) => s.chain === r.chain && s.src.file === r.src.file).length;
    issues.push({
      severity: 'warning',
      code: 'unknown_chain',
      file: r.src.file,
      sheet: r.src.sheet,
      row: r.src.row,
      column: '产业链',
      value: r.chain,
      period,
      message: `产业链“${r.chain}”不在产业链图谱中（本表 ${count} 行），这些项目不会出现在图谱上：请改为图谱中的产业链名称，或在产业链图谱中增加该产业链`,
    });
  }
  return issues;
}
