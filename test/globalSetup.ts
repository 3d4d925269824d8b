import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Builds dist/ (incremental) so tests that spawn `bin/playground.js` run the current sources, and
 * the viem bundle the sandbox serves to isolates (dist/sandbox/isolate/, ≈ 0.5 s), and the web
 * edition (dist/web, ≈ 1.5 s) that the web server and browser tests serve.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  })
  execFileSync(process.execPath, ['tools/build/bundleIsolateLibraries.js'], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'app/renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
}
