import type { Module } from '../app/module.ts';
import { databaseCommands } from './db.cli.ts';

/** Backup and restore of the embedded store. */
export const databaseModule: Module = {
  name: 'database',
  commands: databaseCommands,
};
