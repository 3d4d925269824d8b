/**
 * What the lesson player loads when a lesson opens: `lessons/<id>.json`, written at build time by
 * `build/lessonAssets.ts` from the official pack (the renderer never reads the disk). Fetched
 * relative to `document.baseURI`, so it works from `playground web` and from Electron's `app://`.
 *
 * @module
 */
import type { Bilingual } from '../catalogue/catalogue.ts'

export type SolutionPolicy = 'afterPass' | 'onRequestAfterFail' | 'never'

/** One lesson's player data (plain JSON). */
export interface LessonAsset {
  id: string
  track: string
  order: number
  /** The attempt network: 'dev' or a preset name. */
  network: string
  solutionPolicy: SolutionPolicy
  /** The files the learner edits, in the order lesson.yaml lists them. */
  files: string[]
  /** The starter folder: path → text. */
  starter: Record<string, string>
  /** The text of grade.ts. */
  grader: string
  hints: Bilingual[]
  /** The solution folder laid over the starter: path → text. */
  solution: Record<string, string>
  /** The next lesson in the course (same track first, then the next track), if any. */
  next?: string | undefined
}

const POLICIES: readonly string[] = ['afterPass', 'onRequestAfterFail', 'never']

function isTextRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
}

function isBilingual(value: unknown): value is Bilingual {
  const v = value as Bilingual | null
  return typeof v === 'object' && v !== null && typeof v.ko === 'string' && typeof v.en === 'string'
}

/**
 * Checks a fetched lesson asset (a stale or truncated file must fail clearly, not half-render).
 *
 * @example
 * const asset = parseLessonAsset(await (await fetch(lessonAssetUrl('hash-functions'))).json(), 'hash-functions')
 */
export function parseLessonAsset(value: unknown, expectedId: string): LessonAsset {
  const v = value as Partial<LessonAsset> | null
  const problem = (field: string): never => {
    throw new Error(`lessons/${expectedId}.json: "${field}" is missing or malformed`)
  }
  if (typeof v !== 'object' || v === null) return problem('(root)')
  if (v.id !== expectedId) problem('id')
  if (typeof v.track !== 'string') problem('track')
  if (typeof v.order !== 'number') problem('order')
  if (typeof v.network !== 'string') problem('network')
  if (typeof v.solutionPolicy !== 'string' || !POLICIES.includes(v.solutionPolicy)) problem('solutionPolicy')
  if (!Array.isArray(v.files) || !v.files.every((f) => typeof f === 'string')) problem('files')
  if (!isTextRecord(v.starter)) problem('starter')
  if (typeof v.grader !== 'string') problem('grader')
  if (!Array.isArray(v.hints) || !v.hints.every(isBilingual)) problem('hints')
  if (!isTextRecord(v.solution)) problem('solution')
  if (v.next !== undefined && typeof v.next !== 'string') problem('next')
  return v as LessonAsset
}

/**
 * The URL of a lesson's asset, relative to the page (document.baseURI).
 *
 * @example
 * lessonAssetUrl('hash-functions', 'http://127.0.0.1:5173/') // 'http://127.0.0.1:5173/lessons/hash-functions.json'
 */
export function lessonAssetUrl(id: string, base: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new RangeError(`lessonAssetUrl: invalid lesson id "${id}"`)
  return new URL(`lessons/${id}.json`, base).href
}

/** Fetches and checks `lessons/<id>.json`. */
export async function fetchLessonAsset(id: string, base: string): Promise<LessonAsset> {
  const url = lessonAssetUrl(id, base)
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return parseLessonAsset(await response.json(), id)
}

/** Editor files in display order: lesson.yaml's `files` first, then any other file the learner has. */
export function orderedFiles(listed: readonly string[], present: Iterable<string>): string[] {
  const all = new Set(present)
  const first = listed.filter((f) => all.has(f))
  const rest = [...all].filter((f) => !listed.includes(f)).sort()
  return [...first, ...rest]
}
