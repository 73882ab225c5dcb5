import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { CliError } from '../pipeline/cliError.ts';

export interface CliOptions {
  data: string;
  out: string;
  profile: 'internal' | 'public';
  report: string | null;
  strict: boolean;
  /** Data stage only (`npm run check`). */
  checkOnly: boolean;
  quiet: boolean;
  /** Folder of the data-stage cache (`--cache`, default `.cache/` beside the data folder); null with `--no-cache`. */
  cache: string | null;
}

const USAGE = `用法：npm run build -- [--data 数据目录] [--out 输出目录] [--profile internal|public] [--report 报告.json] [--strict] [--cache 缓存目录 | --no-cache]
      npm run check -- [--data 数据目录] [--report 报告.json] [--cache 缓存目录 | --no-cache]`;

/** Parses the build/check command line (contract §9). Throws `CliError` (exit 2) on a bad invocation. */
export function parseCliOptions(argv: string[], mode: 'build' | 'check', cwd = process.cwd()): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string' },
        report: { type: 'string' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new CliError(`参数有误：${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) throw new CliError(USAGE, 0);
  const profile = values.profile ?? 'internal';
  if (profile !== 'internal' && profile !== 'public')
    throw new CliError(`--profile 只能是 internal 或 public，而不是“${profile}”\n${USAGE}`);
  if (mode === 'check' && values.out !== undefined)
    throw new CliError(`check 只校验数据，不生成页面：请去掉 --out\n${USAGE}`);
  if (values.cache !== undefined && values['no-cache'])
    throw new CliError(`--cache 与 --no-cache 不能同时使用：请只保留一个\n${USAGE}`);
  const data = resolve(cwd, values.data ?? 'data');
  return {
    data,
    out: resolve(cwd, values.out ?? (profile === 'public' ? 'dist-public' : 'dist')),
    profile,
    report: values.report ? resolve(cwd, values.report) : null,
    strict: mode === 'check' || (values.strict ?? false),
    checkOnly: mode === 'check',
    quiet: values.quiet ?? false,
    cache: values['no-cache'] ? null : resolve(cwd, values.cache ?? resolve(dirname(data), '.cache')),
  };
}
