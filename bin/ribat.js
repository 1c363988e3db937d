#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx registers the loader in-process.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
