import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';
import type { Services } from '../main.ts';
import type { Out } from './output.ts';

export interface CommandContext {
  config: Config;
  out: Out;
  /** Opens the database (migrated unless told not to) and the services; closed by the runner. */
  services(opts?: { migrate?: boolean }): Promise<Services>;
  /** Reads standard input to the end (for secrets that must not be in argv). */
  stdin(): Promise<string>;
}

export interface Command {
  /** One or two words: `seed`, `user add`. */
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: number;
  /** Runs in the foreground until done (servers resolve on shutdown). Returns the exit code. */
  run(ctx: CommandContext, values: Record<string, any>, positionals: string[]): Promise<number>;
}
