/**
 * The Content-Security-Policy of the app, exactly as DESIGN.md "Security" states it (one string for
 * both hosts). The desktop
 * shell sends it as a header on every `app://` response; the web edition's server sends the same
 * string. Widen it only with a reason written beside it.
 *
 * - `script-src 'wasm-unsafe-eval'`: solc (soljson), QuickJS and the WASM crypto compile
 *   WebAssembly; no JavaScript `eval`.
 * - `worker-src blob:`: Vite's module workers.
 * - `style-src 'unsafe-inline'`: Monaco and Vue set inline styles.
 *
 * @module
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
