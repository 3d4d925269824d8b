/**
 * Names for the protocols' own counters in the `sim` text output (the JSON keeps the keys). A key
 * without a label prints as is, so a new counter is never hidden.
 *
 * @module
 */
import type { Lang } from '../shared/messages.ts'

const LABELS: Readonly<Record<string, { en: string; ko: string }>> = {
  heights: { en: 'heights', ko: '높이' },
  extraRounds: { en: 'extra rounds', ko: '추가 라운드' },
  messagesPerHeight: { en: 'messages per height', ko: '높이당 메시지' },
  evidence: { en: 'evidence', ko: '증거' },
  elections: { en: 'elections', ko: '선거' },
  electionsWon: { en: 'won', ko: '당선' },
  leaderChanges: { en: 'leader changes', ko: '리더 교체' },
  term: { en: 'term', ko: '임기' },
  leader: { en: 'leader', ko: '리더' },
  commitIndex: { en: 'commit index', ko: '커밋 인덱스' },
  electionSafetyViolations: { en: 'two leaders in a term', ko: '한 임기의 두 리더' },
  slot: { en: 'slot', ko: '슬롯' },
  blocks: { en: 'blocks', ko: '블록' },
  missedSlots: { en: 'missed slots', ko: '놓친 슬롯' },
  finalityDepth: { en: 'finality depth', ko: '확정 깊이' },
  finalizedHeight: { en: 'finalized height', ko: '확정 높이' },
  epochs: { en: 'epochs', ko: '에포크' },
  justifiedEpochs: { en: 'justified', ko: '정당화' },
  finalizedEpochs: { en: 'finalized', ko: '확정' },
  slashable: { en: 'slashable', ko: '처벌 대상' },
  slashableByOffence: { en: 'by offence', ko: '위반별' },
  attestations: { en: 'attestations', ko: '증명' },
  messagesPerEpoch: { en: 'messages per epoch', ko: '에포크당 메시지' },
  finalityLagSlots: { en: 'finality lag (slots)', ko: '확정 지연(슬롯)' },
}

/** The label of protocol counter `key` in `lang`. */
export function protocolLabel(key: string, lang: Lang): string {
  return LABELS[key]?.[lang] ?? key
}
