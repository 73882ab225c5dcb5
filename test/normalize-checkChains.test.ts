import { describe, expect, test } from 'vitest';
import { checkChainStrength } from '../src/normalize/checkChains.ts';
import type { ChainCompany, ChainSegment } from '../src/schemas/records.ts';

const src = (row: number) => ({ file: 'reference/产业链图谱.xlsx', sheet: '环节', row });
const seg = (chain: string, segment: string, strength: ChainSegment['strength'], row: number): ChainSegment =>
  ({ chain, segment, position: '中游', strength, src: src(row) }) as ChainSegment;
const firm = (name: string, chain: string, segment: string, category: ChainCompany['category']) => ({
  name,
  chain,
  segment,
  category,
});

// A hand-made map: 新能源 has 隔膜 (缺) that lists a 本地 firm, 电芯 (强) with a 链主 only, 正极 (强)
// with no local firm or 链主 at all, 锂矿 (缺) with only a 目标 firm; 电子信息 lists no enterprise.
const segments = [
  seg('新能源', '隔膜', '缺', 2),
  seg('新能源', '电芯制造', '强', 3),
  seg('新能源', '正极材料', '强', 4),
  seg('新能源', '锂矿资源', '缺', 5),
  seg('新能源', '储能', '弱', 6),
  seg('电子信息', 'PCB', '强', 7),
];
const companies = [
  firm('青川甲隔膜有限公司', '新能源产业链', ' 隔膜', '本地'),
  firm('某电芯集团', '新能源', '电芯制造', '链主'),
  firm('目标锂业', '新能源', '锂矿资源', '目标'),
  firm('目标正极', '新能源', '正极材料', '目标'),
];

describe('checkChainStrength', () => {
  test('warns on a 缺 segment with 本地 firms and a 强 segment with neither 本地 nor 链主', () => {
    const issues = checkChainStrength(segments, companies);
    // Expected by hand: 隔膜 (row 2, 缺 + one 本地) and 正极材料 (row 4, 强 + only a 目标). Not 电芯制造
    // (链主 counts), not 锂矿资源 (only a 目标), not 储能 (弱 is never checked), not PCB (电子信息 lists no firm).
    expect(issues.map((i) => [i.code, i.row, i.value])).toEqual([
      ['chain_strength_mismatch', 2, '缺'],
      ['chain_strength_mismatch', 4, '强'],
    ]);
    expect(issues[0]?.message).toContain('青川甲隔膜有限公司');
    expect(issues[0]?.message).toMatch(/请把强弱改为/);
    expect(issues[1]?.message).toMatch(/请在企业表补充/);
    expect(issues.every((i) => i.severity === 'warning' && i.sheet === '环节' && i.column === '强弱')).toBe(true);
  });

  test('a map without enterprises, or an agreeing one, gives none', () => {
    expect(checkChainStrength(segments, [])).toEqual([]);
    expect(
      checkChainStrength(
        [seg('新能源', '隔膜', '缺', 2), seg('新能源', '电芯制造', '强', 3)],
        [firm('青川电芯', '新能源', '电芯制造', '本地'), firm('目标隔膜', '新能源', '隔膜', '目标')],
      ),
    ).toEqual([]);
  });
});
