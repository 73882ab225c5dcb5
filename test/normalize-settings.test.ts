import { describe, expect, it } from 'vitest';
import { settingsFromJson } from '../src/normalize/settings.ts';

describe('site.json settings', () => {
  it('keeps every valid setting and reports each bad one with its path and code', () => {
    const { settings, issues } = settingsFromJson({
      zoneName: '青川经济开发区',
      overdueDays: -5,
      defaultAmountUnit: '千元',
      publicFigures: 'yes',
      aliases: { signed: { investment: '协议总投资' } },
    });
    expect(settings.zoneName).toBe('青川经济开发区');
    // The defaults stand in for the bad keys only.
    expect(settings.overdueDays).toBe(180);
    expect(settings.defaultAmountUnit).toBe('万元');
    expect(settings.publicFigures).toBe(true);
    expect(settings.aliases).toEqual({});
    expect(issues.map((i) => [i.code, i.severity, i.column])).toEqual([
      ['settings_invalid', 'error', 'defaultAmountUnit'],
      ['settings_invalid', 'error', 'overdueDays'],
      ['settings_invalid', 'error', 'publicFigures'],
      ['settings_invalid', 'error', 'aliases.signed.investment'],
    ]);
    expect(issues[0]?.message).toMatchInlineSnapshot(
      `"设置项“defaultAmountUnit”应为以下之一：亿元、万元、元，已按默认值处理：请对照 README 的 site.json 一节修改"`,
    );
    expect(issues[1]?.message).toContain('应大于 0');
    expect(issues[2]?.message).toContain('应为true 或 false');
  });

  it('warns about an unknown key and ignores it', () => {
    const { settings, issues } = settingsFromJson({ zonename: '青川', overdueDays: 90 });
    expect(settings.overdueDays).toBe(90);
    expect(settings.zoneName).toBe('招商引资数据平台');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'settings_invalid', severity: 'warning', column: 'zonename' });
  });

  it('a file that is not an object is one error, all defaults', () => {
    const { settings, issues } = settingsFromJson([1, 2]);
    expect(settings.overdueDays).toBe(180);
    expect(issues.map((i) => i.code)).toEqual(['settings_invalid']);
  });
});
