/**
 * Builds the renderer (the web edition, and later the Electron window's content) into `dist/web`:
 * `vite build --config app/renderer/vite.config.ts`.
 *
 * - `base: './'`: every asset URL is relative, so the same files work from `playground web`
 *   (http://127.0.0.1) and from Electron's `app://` protocol.
 * - No inline scripts (the CSP's script-src is 'self' 'wasm-unsafe-eval'): the module preload
 *   polyfill, which Vite would otherwise add to the entry, is off (Chromium has modulepreload).
 * - The course catalogue is built from the official pack (`build/catalogue.ts`).
 * - The files workers load at run time (solc, the compiler worker, the Solidity libraries, the
 *   isolate's viem bundle) are added by `build/staticAssets.ts`.
 *
 * @module
 */
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { catalogueFromPack } from './build/catalogue.ts'
import { staticAssets } from './build/staticAssets.ts'
import { lessonAssetsFromPack } from './build/lessonAssets.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
const repo = fileURLToPath(new URL('../..', import.meta.url))

export default defineConfig({
  root: here,
  base: './',
  publicDir: 'public',
  clearScreen: false,
  logLevel: 'warn',
  plugins: [catalogueFromPack(`${repo}courses`), lessonAssetsFromPack(`${repo}courses`), vue(), staticAssets({ repo })],
  define: {
    // vue-i18n's feature flags (Composition API only, no devtools in production).
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  // The grading and simulator workers are module workers; the Solidity compiler's is classic and
  // is built separately (soljson needs importScripts).
  worker: { format: 'es' },
  build: {
    outDir: `${repo}dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    // Monaco's editor chunk (≈ 3.4 MB) is loaded only by lesson pages, never by the home page.
    chunkSizeWarningLimit: 4096,
  },
})
