/** The CLI's command shape; it lives with the module shape (src/app/module.ts), which both sides import. */
export type { Command, CommandContext } from '../app/module.ts';
