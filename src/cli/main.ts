// Entry of the `dala` command (bin/dala.js). Each task is a subcommand in its own file.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { registerCoordinatorCommands } from './coordinatorCommand';
import { relayCommand } from './relayCommand';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('dala')
  .description('Dala: end-to-end encrypted incident notebook - relay and coordinator tools.')
  .version(version)
  .showHelpAfterError()
  .addCommand(relayCommand(version));
registerCoordinatorCommands(program);

await program.parseAsync(process.argv);
