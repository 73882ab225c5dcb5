import { describe, expect, test } from 'vitest';
import {
  editDistance,
  findNearMisses,
  isNearMiss,
  nearMissThreshold,
  projectNameKey,
  type NearMissMatch,
} from '../src/normalize/names.ts';

describe('projectNameKey', () => {
  test.each([
    ['年产10万吨锂电池材料项目', '年产10万吨锂电池材料'],
    ['年产10万吨锂电池材料', '年产10万吨锂电池材料'],
    ['年产１０万吨 锂电池材料 项目', '年产10万吨锂电池材料'],
    ['年产10万吨锂电池材料项目 ', '年产10万吨锂电池材料'],
    ['ABC新材料（一期）项目', 'abc新材料一期'],
    ['ＡＢＣ新材料(一期)项目', 'abc新材料一期'],
    ['ABC新材料【一期】', 'abc新材料一期'],
    ['ABC新材料[一期]', 'abc新材料一期'],
    ['某某项目（一期）', '某某项目一期'], // only a trailing 项目 goes
    ['项目', '项目'],
    ['“十四五”重点项目', '“十四五”重点'],
  ])('%j → %j', (name, key) => {
    expect(projectNameKey(name)).toBe(key);
  });
});

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['', '锂电池', 3],
    ['锂电池', '', 3],
    ['kitten', 'sitting', 3],
    ['锂电池材料', '钠电池材料', 1],
    ['锂电池材料', '锂电池正极材料', 2],
    ['光伏组件', '组件光伏', 4],
    ['𠀀𠀁', '𠀀𠀂', 1], // characters outside the BMP count once
    ['abc', 'abc', 0],
  ] as const)('%j ~ %j = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test('with a bound, returns bound + 1 once exceeded', () => {
    expect(editDistance('新能源汽车零部件', '光伏组件', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abcdef', 'abc', 1)).toBe(2);
    expect(editDistance('abc', 'abd', 0)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});

describe('isNearMiss', () => {
  test('thresholds by the shorter key', () => {
    expect([3, 4, 8, 9, 20, 21, 40].map(nearMissThreshold)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  test.each([
    ['年产10万吨锂电池材料项目', '年产10万吨锂电池材枓项目', true], // typo 料/枓
    ['光伏组件', '光伏组建', true], // 4 characters, one typo
    ['年产10万吨锂电池材料', '年产20万吨锂电池材料', true], // a capacity may be a typo: suggest
    ['智能制造产业园标准厂房建设', '智能制造产业园标准厂房建设工程', true], // 2 edits at 13 characters
    ['某某科技高端装备制造基地建设项目', '某某科技高端装备制造基地项目', true], // dropped word
    ['某某集团新能源汽车零部件产业园一期工程', '某集团新能源汽车零部件产业园一期工', true], // 2 edits at 17
    ['某某控股集团有限公司新能源汽车零部件智能制造产业园', '某某控股集团公司新能源汽车零部件智能制造产业区', true], // 3 edits at 23
    ['某某控股集团有限公司新能源汽车零部件智能制造产业园', '某某控股集团公司新能源汽车零部件制造产业园', false], // 4 edits at 21
    ['某某新材料一期', '某某新材料二期', false], // phases are different projects
    ['某某新材料（一期）', '某某新材料（2期）', false],
    ['某某产业园1号厂房', '某某产业园2号厂房', false],
    ['某某标准厂房第一批', '某某标准厂房第二批', false],
    ['光伏组件', '光伏组件项目', false], // same key: they match, not a near miss
    ['ABC新材料', 'abc新材料', false],
    ['风电', '光电', false], // under 4 characters: never
    ['风电装', '光电装', false],
    ['锂电材料', '钠电池料', false], // 2 edits at 4 characters
    ['年产十万吨', '年产十万', true], // 1 edit at 4 characters
    ['新能源汽车零部件', '新能源汽车配件', false], // 2 edits at 7 characters
    ['新能源汽车零部件', '光伏组件', false],
  ] as const)('%j ~ %j → %s', (a, b, expected) => {
    expect(isNearMiss(a, b)).toBe(expected);
    expect(isNearMiss(b, a)).toBe(expected);
  });
});

describe('findNearMisses', () => {
  test('suggests close candidates for unmatched names only', () => {
    const started = ['光伏组建项目', '年产10万吨锂电池材料', '风电装备制造基地建设', '光伏组建项目', '完全不同的名字'];
    const signed = [
      '光伏组件项目',
      '光伏组件',
      '年产10万吨锂电池材料项目',
      '年产10万吨锂电池材枓',
      '风电装备制造基地建设工程',
      '风电装备智造基地建设',
    ];
    expect(findNearMisses(started, signed)).toEqual([
      { name: '光伏组建项目', candidate: '光伏组件项目', distance: 1 },
      { name: '光伏组建项目', candidate: '光伏组件', distance: 1 },
      // 年产10万吨锂电池材料 matches 年产10万吨锂电池材料项目 exactly: no suggestion
      { name: '风电装备制造基地建设', candidate: '风电装备智造基地建设', distance: 1 },
      { name: '风电装备制造基地建设', candidate: '风电装备制造基地建设工程', distance: 2 },
    ]);
  });

  test('empty inputs', () => {
    expect(findNearMisses([], ['光伏组件'])).toEqual([]);
    expect(findNearMisses(['光伏组件'], [])).toEqual([]);
  });

  test('agrees with the all-pairs definition on seeded random names', () => {
    let seed = 20251008;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = Array.from('年产万吨锂电池材料新能源汽车光伏组件风一二期号');
    const pick = (): string => alphabet[Math.floor(random() * alphabet.length)] ?? '年';
    const randomName = (): string => Array.from({ length: 3 + Math.floor(random() * 22) }, pick).join('');
    const mutate = (s: string): string => {
      const chars = Array.from(s);
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const i = Math.floor(random() * (chars.length + 1));
        const r = random();
        if (r < 0.4) chars.splice(i, 1, pick());
        else if (r < 0.7) chars.splice(i, 0, pick());
        else chars.splice(i, 1);
      }
      return chars.join('');
    };
    const candidates = Array.from({ length: 300 }, randomName);
    const names = [
      ...candidates.slice(0, 150).map(mutate),
      ...Array.from({ length: 150 }, randomName),
      candidates[0] ?? '',
    ];

    const candidateKeys = new Set(candidates.map(projectNameKey));
    const expected: NearMissMatch[] = [];
    for (const name of new Set(names)) {
      if (candidateKeys.has(projectNameKey(name))) continue;
      for (const candidate of new Set(candidates)) {
        if (isNearMiss(name, candidate))
          expected.push({ name, candidate, distance: editDistance(projectNameKey(name), projectNameKey(candidate)) });
      }
    }
    const byPair = (m: NearMissMatch): string => `${m.name}|${m.candidate}|${m.distance}`;
    const found = findNearMisses(names, candidates);
    expect(expected.length).toBeGreaterThan(50); // the test must exercise the filters
    expect(found.map(byPair).sort()).toEqual(expected.map(byPair).sort());
    // closest first for each name
    for (let i = 1; i < found.length; i++) {
      const [p, q] = [found[i - 1], found[i]];
      if (p !== undefined && q !== undefined && p.name === q.name) expect(p.distance).toBeLessThanOrEqual(q.distance);
    }
  });
});
