import type { z } from 'zod';
import type { Issue } from '../schemas/issue.ts';
import { siteSettingsSchema, type SiteSettings } from '../schemas/site.ts';

/**
 * `site.json` → settings. Every problem is one issue (`settings_invalid`) with its path, in
 * Chinese; the key it concerns falls back to its default and every valid key is kept, so one
 * typo never discards the rest of the file. Pure: the caller reads the file.
 *
 * @example settingsFromJson({ overdueDays: -5, zoneName: '青川' }).issues[0].column // 'overdueDays'
 */
export function settingsFromJson(value: unknown): { settings: SiteSettings; issues: Issue[] } {
  const issues: Issue[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(problem('', '整个文件应是一个对象（以 { 开头、} 结尾）'));
    return { settings: siteSettingsSchema.parse({}), issues };
  }
  const input: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const known = new Set(Object.keys(siteSettingsSchema.shape));
  for (const key of Object.keys(input).sort()) {
    if (!known.has(key)) {
      issues.push({
        ...problem(key, `不是已知的设置项，已忽略：可用的有 ${[...known].join('、')}`),
        severity: 'warning',
      });
      delete input[key];
    }
  }
  const result = siteSettingsSchema.safeParse(input);
  if (result.success) return { settings: result.data, issues };
  for (const i of result.error.issues) {
    issues.push(problem(i.path.map(String).join('.'), `${describe(i)}，已按默认值处理`));
    delete input[String(i.path[0])];
  }
  return { settings: siteSettingsSchema.parse(input), issues };
}

/** The issue for one setting, e.g. column `aliases.signed`. */
const problem = (path: string, message: string): Issue => ({
  severity: 'error',
  code: 'settings_invalid',
  file: 'site.json',
  ...(path ? { column: path } : {}),
  message: `设置项${path ? `“${path}”` : ''}${message}：请对照 README 的 site.json 一节修改`,
});

const TYPE_NAMES: Record<string, string> = {
  string: '文字（加英文双引号）',
  number: '数字',
  boolean: 'true 或 false',
  object: '对象（{ … }）',
  array: '列表（[ … ]）',
};

/** One zod issue in Chinese. */
function describe(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[i.expected] ?? i.expected}`;
    case 'invalid_value':
      return `应为以下之一：${i.values.map(String).join('、')}`;
    case 'too_small':
      return `应${i.inclusive ? '不小于' : '大于'} ${String(i.minimum)}`;
    case 'too_big':
      return `应${i.inclusive ? '不大于' : '小于'} ${String(i.maximum)}`;
    default:
      return '写法不对';
  }
}
