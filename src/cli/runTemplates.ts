import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { templateFileName, templateLists, templateWorkbook } from '../documents/template.ts';
import { LEDGER_KINDS } from '../schemas/fields.ts';
import { CliError } from '../pipeline/cliError.ts';
import { runDataStage } from '../pipeline/dataStage.ts';

const USAGE = `用法：npm run templates -- [--data 数据目录] [--out 输出目录] [--unit 单位名称 | --all-units]`;

/**
 * `npm run templates` (contract §12): writes one blank template per ledger kind, drop-downs from
 * the data folder's reference tables; `--unit NAME` writes that unit's copies (name filled in),
 * `--all-units` one folder of copies per unit. Returns the exit code (2: bad invocation).
 */
export async function runTemplates(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          data: { type: 'string' },
          out: { type: 'string' },
          unit: { type: 'string' },
          'all-units': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      }));
    } catch (e) {
      throw new CliError(`参数有误：${(e as Error).message}\n${USAGE}`);
    }
    if (values.help) throw new CliError(USAGE, 0);
    const dataDir = resolve(values.data ?? 'data');
    const outDir = resolve(values.out ?? 'templates');
    const model = await runDataStage(dataDir, { log: () => {} });
    const lists = templateLists(model.reference);
    const known = new Set(lists.units);
    const units: readonly (string | undefined)[] = values['all-units'] ? lists.units : [values.unit];
    if (values.unit !== undefined && !known.has(values.unit))
      throw new CliError(
        `单位“${values.unit}”不在单位名单中：请写单位表中的单位名称，如 ${lists.units.slice(0, 3).join('、')}`,
      );
    for (const unit of units) {
      const dir = values['all-units'] && unit ? join(outDir, unit) : outDir;
      mkdirSync(dir, { recursive: true });
      for (const kind of LEDGER_KINDS) {
        const file = join(dir, templateFileName(kind, unit));
        writeFileSync(file, await templateWorkbook(kind, lists, unit));
        out(`已生成 ${file}`);
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      out(e.message);
      return e.exitCode;
    }
    throw e;
  }
}
