/**
 * The ambient host globals sandbox/ may use, and nothing more (Node and browser workers provide
 * them identically). Only the wall-clock backstop uses them: everything the isolate sees runs on
 * simulated time.
 */

declare function setTimeout(callback: () => void, ms: number): unknown
declare function clearTimeout(id: unknown): void
