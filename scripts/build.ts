// npm run build -- [--data DIR] [--out DIR] [--profile internal|public] [--report FILE] [--strict]
import { runCli } from '../src/cli/runCli.ts';

process.exitCode = await runCli(process.argv.slice(2), 'build');
