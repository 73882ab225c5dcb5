// npm run templates -- [--data DIR] [--out DIR] [--unit NAME | --all-units]: blank ledger templates.
import { runTemplates } from '../src/cli/runTemplates.ts';

process.exitCode = await runTemplates(process.argv.slice(2));
