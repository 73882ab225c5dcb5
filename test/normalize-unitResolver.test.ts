import { describe, expect, test } from 'vitest';
import { createUnitResolver } from '../src/normalize/unitResolver.ts';

const units = [
  { name: '经济开发区管委会', aliases: ['经开区', '开发区', ' ＧＸ区 '] },
  { name: '高新区管委会', aliases: ['高新区', '开发区'] },
  { name: '招商服务中心', aliases: ['招商中心', '经济开发区管委会'] },
  { name: '青川镇人民政府', aliases: ['青川镇', '青川镇人民政府', ''] },
  { name: '青川镇人民政府', aliases: ['青川'] },
];

describe('createUnitResolver', () => {
  const r = createUnitResolver(units);

  test.each([
    ['经济开发区管委会', '经济开发区管委会'],
    [' 经济开发区 管委会 ', '经济开发区管委会'],
    ['经开区', '经济开发区管委会'],
    ['经 开 区', '经济开发区管委会'],
    ['gx区', '经济开发区管委会'],
    ['GX区', '经济开发区管委会'],
    ['高新区', '高新区管委会'],
    ['招商中心', '招商服务中心'],
    ['青川镇', '青川镇人民政府'],
    ['青川', '青川镇人民政府'], // an alias on a repeated row still belongs to the unit
  ])('%j → %j', (raw, name) => {
    expect(r.resolve(raw)).toEqual({ name, known: true });
  });

  test('an exact name wins over another unit’s alias', () => {
    expect(r.resolve('经济开发区管委会')).toEqual({ name: '经济开发区管委会', known: true });
  });

  test('an alias claimed by two units resolves to nothing', () => {
    expect(r.resolve('开发区')).toEqual({
      name: '开发区',
      known: false,
      ambiguous: ['经济开发区管委会', '高新区管委会'],
    });
  });

  test('unknown names stay as written (folded), never merged with a similar one', () => {
    expect(r.resolve('经开局')).toEqual({ name: '经开局', known: false });
    expect(r.resolve(' 高新区 管委 ')).toEqual({ name: '高新区 管委', known: false });
    expect(r.resolve('高新区管委会（本级）')).toEqual({ name: '高新区管委会（本级）', known: false });
    expect(r.resolve('')).toEqual({ name: '', known: false });
  });

  test('duplicates are reported', () => {
    expect(r.duplicates).toEqual([
      { alias: '开发区', units: ['经济开发区管委会', '高新区管委会'] },
      { alias: '经济开发区管委会', units: ['经济开发区管委会', '招商服务中心'] },
    ]);
  });

  test('no units, no duplicates', () => {
    const empty = createUnitResolver([]);
    expect(empty.duplicates).toEqual([]);
    expect(empty.resolve('经开区')).toEqual({ name: '经开区', known: false });
  });
});
