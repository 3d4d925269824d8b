/**
 * Proof of work, modeled: each up miner's time to its next block is exponential with mean
 * `difficulty / hashPower` (expressed through the target interval and the genesis total hash
 * power, so the network's mean block interval is the target).
 *
 * One pending mining event per miner. When a miner's tip changes the event is kept, not redrawn:
 * the exponential is memoryless, so "time to the next success" from now has the same law — and a
 * 10,000-miner network pays one event per block instead of 10,000. The event is redrawn only when
 * the difficulty it was drawn for changes (retargeting) or the miner restarts.
 *
 * With `nonceBits` set, each mined block also carries a real nonce (double SHA-256 with that many
 * leading zero bits), and receivers check it.
 *
 * @module
 */
import { BASE_DIFFICULTY } from '../../chain/blockStore.ts'
import type { BlockHasher } from '../../chain/blockHeader.ts'
import { encodeHeader, payloadRoot } from '../../chain/blockHeader.ts'
import { nodeStream } from '../../net/relay.ts'
import { NODE_UP } from '../../node/nodeTable.ts'
import { connectBlock } from '../../node/receiveBlock.ts'
import { EV_MINE } from '../../sim/eventKinds.ts'
import type { World } from '../../sim/world.ts'
import type { ConsensusProtocol } from '../protocol.ts'
import type { RetargetSettings } from './difficulty.ts'
import { POW_BLOCK_BASE_BYTES } from './powConfig.ts'
import { nextDifficulty } from './difficulty.ts'
import { searchNonce } from './nonceSearch.ts'

export interface PowSettings {
  /** Target mean block interval, µs. */
  intervalUs: number
  /** Full block size, bytes. */
  blockSize: number
  retarget?: RetargetSettings | undefined
  /** Real nonce search with this many leading zero bits (small values only: lessons). */
  nonceBits?: number | undefined
}

export interface PowProtocol extends ConsensusProtocol {
  /** Total hash power at genesis: calibrates difficulty so the interval is the target. */
  readonly genesisHashPower: number
}

export function createPowProtocol(settings: PowSettings, hasher: () => BlockHasher): PowProtocol {
  let genesisHashPower = 0

  function schedule(w: World, node: number): void {
    const { nodes } = w
    const power = nodes.hashPower[node]!
    if (power <= 0 || nodes.status[node] !== NODE_UP) return
    const difficulty = nextDifficulty(w.store, nodes.tip[node]!, settings.intervalUs, settings.retarget)
    const meanUs = (difficulty / BASE_DIFFICULTY) * settings.intervalUs * (genesisHashPower / power)
    const at = w.now + Math.max(1, Math.round(w.rng.nextExponential(nodeStream(node), meanUs)))
    nodes.mineHandle[node] = w.queue.pushCancellable(at, EV_MINE, node, 0, 0, 0)
    nodes.mineDifficulty[node] = difficulty
  }

  function cancel(w: World, node: number): void {
    const handle = w.nodes.mineHandle[node]!
    if (handle >= 0) w.queue.cancel(handle)
    w.nodes.mineHandle[node] = -1
  }

  function mine(w: World, node: number): number {
    const { store, nodes } = w
    const parent = nodes.tip[node]!
    const difficulty = nextDifficulty(store, parent, settings.intervalUs, settings.retarget)
    // With a workload, a block is its header and coinbase plus the transactions that fit.
    const block = store.add(parent, node, w.now, difficulty, w.txs ? POW_BLOCK_BASE_BYTES : settings.blockSize)
    w.knowledge.ensure(store.count, nodes.count)
    if (w.txs) w.txs.fillBlock(node, block, Number.MAX_SAFE_INTEGER, w.behaviours[node]?.censoredSender, settings.blockSize - POW_BLOCK_BASE_BYTES)
    w.execution?.produced(block, node)
    if (settings.nonceBits !== undefined) {
      const h = hasher()
      const header = encodeHeader(store, block, h.hash(parent), payloadRoot(store, block), 0)
      const start = w.rng.nextUint32(nodeStream(node))
      store.setNonce(block, searchNonce(header, settings.nonceBits, start).nonce)
    }
    let up = 0
    for (let i = 0; i < nodes.count; i++) if (nodes.status[i] === NODE_UP) up++
    w.metrics.blockCreated(block, up)
    if (w.bus.wants('block-mined')) {
      w.bus.emit({ type: 'block-mined', atUs: w.now, block, parent, height: store.height(block), miner: node })
    }
    connectBlock(w, node, block)
    return block
  }

  return {
    name: 'pow',
    finality: 'depth',
    baseTimeoutUs: settings.intervalUs,
    get genesisHashPower() {
      return genesisHashPower
    },
    start(w) {
      for (let i = 0; i < w.nodes.count; i++) genesisHashPower += w.nodes.hashPower[i]!
      if (genesisHashPower <= 0) genesisHashPower = 1
      for (let i = 0; i < w.nodes.count; i++) schedule(w, i)
    },
    onEvent(w, kind, node) {
      if (kind !== EV_MINE) return
      w.nodes.mineHandle[node] = -1
      if (w.nodes.status[node] !== NODE_UP) return
      mine(w, node)
      schedule(w, node)
    },
    tipChanged(w, node) {
      const { nodes } = w
      if (nodes.mineHandle[node]! < 0) return
      const d = nextDifficulty(w.store, nodes.tip[node]!, settings.intervalUs, settings.retarget)
      if (d !== nodes.mineDifficulty[node]) {
        cancel(w, node)
        schedule(w, node)
      }
    },
    nodeUp(w, node) {
      cancel(w, node)
      schedule(w, node)
    },
    nodeDown(w, node) {
      cancel(w, node)
    },
    produceNow(w, node) {
      cancel(w, node)
      const block = mine(w, node)
      schedule(w, node)
      return block
    },
  }
}
