import type { Issue } from '../schemas/issue.ts';
import type { ChainCompany, ChainSegment, SnapshotRecords } from '../schemas/records.ts';
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

const chainId = (name: string): string => normalizeChain(name) || name.replace(/\s+/g, '');
const segmentId = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Warns where a 环节's 强弱 disagrees with the 企业 sheet of the same chain map: a `缺` segment
 * (本地暂无企业) that lists 本地 enterprises, or a `强` segment with neither a 本地 enterprise nor a
 * 链主. A chain whose 企业 sheet lists no enterprise at all is not checked (the map simply has no
 * enterprise list yet). One warning per segment, on its 环节 row.
 */
export function checkChainStrength(
  segments: readonly ChainSegment[],
  companies: readonly Pick<ChainCompany, 'name' | 'chain' | 'segment' | 'category'>[],
): Issue[] {
  const listed = new Set(companies.map((c) => chainId(c.chain)));
  const at = new Map<string, { local: Set<string>; leader: Set<string> }>();
  for (const c of companies) {
    if (!c.segment) continue;
    const key = `${chainId(c.chain)}\u0000${segmentId(c.segment)}`;
    let e = at.get(key);
    if (!e) at.set(key, (e = { local: new Set(), leader: new Set() }));
    if (c.category === '本地') e.local.add(c.name);
    if (c.category === '链主') e.leader.add(c.name);
  }
  const issues: Issue[] = [];
  for (const s of segments) {
    if (s.strength !== '缺' && s.strength !== '强') continue;
    if (!listed.has(chainId(s.chain))) continue;
    const e = at.get(`${chainId(s.chain)}\u0000${segmentId(s.segment)}`);
    const where = s.src ? { file: s.src.file, sheet: s.src.sheet, row: s.src.row } : { file: 'reference' };
    if (s.strength === '缺' && e && e.local.size > 0) {
      const names = [...e.local];
      issues.push({
        severity: 'warning',
        code: 'chain_strength_mismatch',
        ...where,
        column: '强弱',
        value: '缺',
        message: `产业链“${s.chain}”的环节“${s.segment}”标为“缺”（本地暂无企业），但企业表列有 ${names.length} 家本地企业（${names.slice(0, 3).join('、')}${names.length > 3 ? '等' : ''}）：请把强弱改为“弱”或“强”，或把这些企业的类别改为“目标”`,
      });
    }
    if (s.strength === '强' && (!e || (e.local.size === 0 && e.leader.size === 0))) {
      issues.push({
        severity: 'warning',
        code: 'chain_strength_mismatch',
        ...where,
        column: '强弱',
        value: '强',
        message: `产业链“${s.chain}”的环节“${s.segment}”标为“强”，但企业表没有该环节的本地企业或链主：请在企业表补充该环节的本地企业，或把强弱改为“弱”`,
      });
    }
  }
  return issues;
}
