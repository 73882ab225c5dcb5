// npm run build -- [--data DIR] [--out DIR] [--profile internal|public] [--report FILE] [--strict]
import { exitOnCrash, runCli } from '../src/cli/runCli.ts';

exitOnCrash();
process.exitCode = await runCli(process.argv.slice(2), 'build');
