import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareGolden } from './helpers/golden.ts';
import { goldenCases, runCase, writeOutputs } from './helpers/goldenZone.ts';

// One golden case per folder of test/fixtures/build/ (see test/fixtures/README.md). On a mismatch
// the new output is written to test/output/build/<case>-changed for review; never under CI.
describe.each(goldenCases())('golden case %s', (name) => {
  test(`matches test/output/build/${name}, and every row is accounted for`, async () => {
    const { model, report } = await runCase(name);
    for (const s of report.sheets) expect(s.read, `${s.file} › ${s.sheet}`).toBe(s.accepted + s.rejected + s.skipped);
    const out = mkdtempSync(join(tmpdir(), `zs-golden-${name}-`));
    writeOutputs(model, report, out);
    expect(compareGolden(out, `build/${name}`)).toEqual([]);
  });
});
