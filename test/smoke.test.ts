import { expect, test } from 'vitest';
import { formatIssue } from '../src/schemas/issue.ts';
test('node version', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  expect(
    formatIssue({
      severity: 'error',
      code: 'invalid_amount',
      file: 'a.xlsx',
      sheet: 'S',
      row: 3,
      column: '总投资',
      message: '无法识别',
    }),
  ).toBe('a.xlsx › S › 第3行 › 总投资：无法识别');
});
