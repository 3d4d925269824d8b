/**
 * Settings every grading isolate shares.
 *
 * @module
 */

/** 2025-01-01T00:00:00Z in ms: the sandbox's `Date` starts where the attempt chain's genesis is. */
export const DEV_SANDBOX_START_MS = 1_735_689_600_000

/** Limits of the grader's own isolate: generous (graders are ours or the pack author's), bounded. */
export const GRADER_LIMITS = { cpuSteps: 20_000, wallMs: 120_000, memoryBytes: 128 << 20 } as const

/** Limits of a learner's script: the sandbox defaults, with more wall time for slow machines. */
export const SCRIPT_LIMITS = { wallMs: 30_000 } as const
