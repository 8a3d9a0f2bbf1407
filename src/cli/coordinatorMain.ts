// Temporary entry for `dala coordinator …` until src/cli/main.ts registers these commands.
import { Command } from 'commander';
import { registerCoordinatorCommands } from './coordinatorCommand';

const program = new Command('dala').showHelpAfterError();
registerCoordinatorCommands(program);
await program.parseAsync(process.argv);
