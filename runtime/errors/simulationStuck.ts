/**
 * The simulation stopped making progress in time: millions of events at one simulated instant.
 * That is always a bug in a protocol model (a timer re-armed with zero delay, a message loop), so
 * the run fails loudly — with the instant and the event kind to look at — rather than hanging the
 * CLI or the app's worker.
 *
 * @module
 */
import { BaseError } from './base.ts'

export class SimulationStuckError extends BaseError {
  override name = 'SimulationStuckError'
  readonly atUs: number
  constructor(atUs: number, events: number, kind: string) {
    super(`The simulation is stuck: ${events.toLocaleString('en-US')} events at ${atUs} µs without time passing (last event kind "${kind}"). This is a bug in a protocol model.`, {
      code: 'sim.stuck',
      metaMessages: [`시뮬레이션이 멈췄습니다: 시간이 흐르지 않은 채 ${atUs} µs에서 이벤트 ${events.toLocaleString('ko-KR')}개 (마지막 이벤트 종류 "${kind}"). 프로토콜 모델의 버그입니다.`],
    })
    this.atUs = atUs
  }

  get messageKo(): string {
    return this.metaMessages?.[0] ?? this.shortMessage
  }
}
