// npm run check -- [--data DIR] [--report FILE]: validates the ledgers without building pages.
import { exitOnCrash, runCli } from '../src/cli/runCli.ts';

exitOnCrash();
process.exitCode = await runCli(process.argv.slice(2), 'check');
