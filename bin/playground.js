#!/usr/bin/env node
// The `playground` command. The TypeScript sources are compiled to dist/ by `npm install`
// (the `prepare` script); this shim only loads them.
import { main } from '../dist/app/cli/main.js'

process.exitCode = await main(process.argv.slice(2))
