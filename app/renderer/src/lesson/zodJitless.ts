/**
 * zod (the progress schema, through app/shared) probes once whether `new Function` works, to
 * speed up parsing. Under the app's CSP (no 'unsafe-eval') the probe fails harmlessly but is
 * reported as a CSP violation. Its documented switch `jitless` skips the probe; zod reads it from
 * `globalThis.__zod_globalConfig`, which this sets before zod loads (main.ts imports this first),
 * so the renderer needs no zod import of its own.
 *
 * @module
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
scope.__zod_globalConfig ??= {}
scope.__zod_globalConfig.jitless = true

export {}
