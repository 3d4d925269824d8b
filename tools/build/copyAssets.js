// Copies the non-TypeScript files the compiled code reads at run time into dist/ (tsc copies
// only what it compiles): the bundled Solidity libraries and their licences; and builds the
// libraries a sandboxed script may import (viem for the QuickJS isolate, dist/sandbox/isolate/).
import { cpSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { bundleIsolateLibraries } from './bundleIsolateLibraries.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
cpSync(`${root}runtime/compiler/libraries`, `${root}dist/runtime/compiler/libraries`, { recursive: true })
await bundleIsolateLibraries()
