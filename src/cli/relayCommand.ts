// `dala relay`: runs the relay in the foreground until SIGTERM or SIGINT.
import { Command, Option } from 'commander';
import { readRelayConfig, type RelayConfig, type RelayFlags } from '../relay/readRelayConfig';
import type { RelayLog } from '../relay/RelayDeps';
import { startRelay } from '../relay/startRelay';

const SHUTDOWN_GRACE_MS = 10_000;

const log: RelayLog = {
  info: (line) => console.log(line),
  error: (line) => console.error(line),
};

export function relayCommand(version: string): Command {
  return new Command('relay')
    .description('Run a relay: stores and forwards sealed bundles it cannot read, and serves the app from dist/.')
    .addOption(new Option('--port <port>', 'TCP port (0 picks a free one)').env('PORT').default('8787'))
    .addOption(new Option('--host <host>', 'address to listen on').env('DALA_HOST').default('127.0.0.1'))
    .addOption(new Option('--data <dir>', 'data folder, created if missing').env('DALA_DATA').default('./data'))
    .addOption(new Option('--static <dir>', 'built app to serve (default: <repo>/dist)').env('DALA_STATIC'))
    .showHelpAfterError("(run 'dala relay --help' for usage)")
    .addHelpText(
      'after',
      `
Environment:
  DALA_ADMIN_TOKEN                bearer token allowed to create mailboxes (unset: creation refused)
  DALA_OPEN_REGISTRATION=1        let anyone create mailboxes
  DALA_MAX_BUNDLE_BYTES           largest bundle accepted (default 8388608)
  DALA_MAX_STORE_BYTES            database size above which uploads get 507 (default 1073741824)
  DALA_TTL_DAYS                   uncollected bundles are deleted after this many days (default 30)
  DALA_CONNECT_SRC                other relay origins the app may call, space-separated
  DALA_RATE_LIMIT_MAX             requests per token per window (default 300)
  DALA_RATE_LIMIT_WINDOW_SECONDS  rate-limit window (default 60)
  DALA_LOG_REQUESTS=1             log "METHOD /route/:pattern STATUS" per request (off by default)`,
    )
    .action(async (flags: RelayFlags, command: Command) => {
      const read = readRelayConfig(flags, process.env);
      if (!read.ok) command.error(`error: ${read.message}`);
      await runRelay(read.config, version, command);
    });
}

async function runRelay(config: RelayConfig, version: string, command: Command): Promise<void> {
  const started = await startRelay(config, version, log);
  if (!started.ok) command.error(`error: ${started.message}`);
  const { relay } = started;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`Received ${signal} again; exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    // A request that never finishes must not keep the relay from stopping.
    setTimeout(() => {
      console.error('Requests still open after 10 s; exiting.');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    relay.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutting down failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`Dala listening on ${relay.url}`);
}
