#!/usr/bin/env node
// The `nhipso` command. Runs the TypeScript sources through tsx, so it works
// straight after `npm ci` without a build.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv.slice(2));
