/**
 * Carries out a validated command against the world (node lifecycle, partitions, link faults,
 * mining now, tampering). Every check happens before any change, so a rejected command leaves
 * the network as it was.
 *
 * @module
 */
import { HAVE } from '../chain/blockKnowledge.ts'
import type { BlockId } from '../chain/blockStore.ts'
import type { ProtocolKind } from '../consensus/registry.ts'
import { PROTOCOL_STRATEGIES } from '../consensus/registry.ts'
import { CommandRejectedError } from '../errors/input.ts'
import { exchangeTips } from '../net/relay.ts'
import type { NodeSetup } from '../node/lifecycle.ts'
import { addNode, crashNode, expectNodeStatus, removeNode, restartNode, revalidateChain } from '../node/lifecycle.ts'
import { setClockFault } from '../node/clock.ts'
import { NODE_UP } from '../node/nodeTable.ts'
import { createBehaviour } from '../node/strategies/registry.ts'
import type { Command, CommandResult } from './commands.ts'

export function executeCommand(s: NodeSetup, cmd: Command): CommandResult {
  const { w } = s
  const { nodes, links, store, knowledge } = w
  const base = { ok: true as const, type: cmd.type, atUs: w.now }
  if (w.bus.wants('command')) w.bus.emit({ type: 'command', atUs: w.now, command: cmd })
  switch (cmd.type) {
    case 'add-node': {
      const node = addNode(s, cmd)
      s.transactions.gossip.resync()
      return { ...base, node }
    }
    case 'remove-node':
      removeNode(s, cmd.node)
      s.transactions.gossip.nodeDown(cmd.node)
      return { ...base, node: cmd.node }
    case 'crash':
      crashNode(s, cmd.node)
      // Its pending gossip flush dies with it (epoch): the restart schedules a new one.
      s.transactions.gossip.nodeDown(cmd.node)
      return { ...base, node: cmd.node }
    case 'restart':
      restartNode(s, cmd.node)
      s.transactions.gossip.resync()
      return { ...base, node: cmd.node }
    case 'partition':
      links.partition(cmd.groups, nodes.count)
      return base
    case 'heal': {
      const sides = Array.from({ length: nodes.count }, (_, n) => links.sideOf(n))
      links.heal()
      // Links that were cut come back: both ends exchange tips.
      for (let a = 0; a < nodes.count; a++) {
        if (nodes.status[a] !== NODE_UP) continue
        for (const b of links.peers(a)) {
          if (b > a && nodes.status[b] === NODE_UP && sides[a] !== sides[b]) exchangeTips(w, a, b)
        }
      }
      // …and mempools: transactions submitted during the partition cross the old cut.
      s.transactions.gossip.resync()
      return base
    }
    case 'set-link-fault': {
      const fault =
        cmd.fault === null
          ? undefined
          : { delayUs: Math.round((cmd.fault.delayMs ?? 0) * 1000), drop: cmd.fault.drop ?? 0, duplicate: cmd.fault.duplicate ?? 0 }
      if (cmd.link) {
        links.setFault(cmd.link[0], cmd.link[1], fault)
        links.setFault(cmd.link[1], cmd.link[0], fault)
      } else links.setFault(undefined, undefined, fault)
      return base
    }
    case 'mine':
      expectNodeStatus(w, 'mine', cmd.node, [NODE_UP])
      return { ...base, node: cmd.node, block: produce(s, cmd.node) }
    case 'set-byzantine': {
      const allowed: readonly string[] = PROTOCOL_STRATEGIES[s.protocol.name as ProtocolKind] ?? []
      if (cmd.strategy !== 'honest' && !allowed.includes(cmd.strategy)) {
        throw new CommandRejectedError('set-byzantine', {
          en: `strategy "${cmd.strategy}" has no effect under ${s.protocol.name}; it models: ${allowed.join(', ')}`,
          ko: `"${cmd.strategy}" 전략은 ${s.protocol.name}에서 아무 효과가 없습니다. 이 프로토콜에서 쓸 수 있는 전략: ${allowed.join(', ')}`,
        })
      }
      const wasByzantine = w.behaviours[cmd.node] !== undefined
      w.behaviours[cmd.node] = cmd.strategy === 'honest' ? undefined : createBehaviour(cmd.strategy, { censorSender: cmd.censorSender })
      if (wasByzantine && cmd.strategy === 'honest') revalidateChain(w, cmd.node)
      return { ...base, node: cmd.node }
    }
    case 'submit-tx': {
      if (cmd.raw !== undefined && w.execution === undefined) {
        throw new CommandRejectedError('submit-tx', {
          en: 'this network runs no EVM: submit-tx takes raw transactions only on networks started with EVM execution',
          ko: '이 네트워크는 EVM을 실행하지 않습니다: raw 트랜잭션은 EVM 실행으로 시작한 네트워크에서만 받을 수 있습니다',
        })
      }
      const submitted = s.transactions.submit(cmd.node, cmd)
      if (cmd.raw !== undefined) w.execution!.submitted(submitted.tx, cmd.raw)
      // The first transaction turns on transaction accounting in blocks.
      w.txs ??= s.transactions
      return { ...base, node: cmd.node, tx: submitted.tx }
    }
    case 'set-clock-skew':
      setClockFault(w, cmd.node, cmd.offsetMs === undefined ? undefined : Math.round(cmd.offsetMs * 1000), cmd.driftPpm)
      return { ...base, node: cmd.node }
    case 'tamper': {
      if (cmd.block === 0 || cmd.block >= store.count || knowledge.get(cmd.block, cmd.node) !== HAVE) {
        throw new CommandRejectedError('tamper', {
          en: `node ${cmd.node} does not hold block ${cmd.block} (genesis cannot be tampered with)`,
          ko: `노드 ${cmd.node}에 블록 ${cmd.block}이(가) 없습니다 (제네시스 블록은 변조할 수 없습니다)`,
        })
      }
      const copies = nodes.tampered.get(cmd.node) ?? new Map<BlockId, string>()
      copies.set(cmd.block, cmd.data)
      nodes.tampered.set(cmd.node, copies)
      return { ...base, node: cmd.node, block: cmd.block }
    }
  }
}

/** The `mine` command: the protocol decides whether this node may produce a block now. */
function produce(s: NodeSetup, node: number): number {
  const block = s.protocol.produceNow(s.w, node)
  if (block < 0) {
    throw new CommandRejectedError('mine', {
      en: `node ${node} cannot produce a block now under ${s.protocol.name} (not its turn, not the leader, or not a validator)`,
      ko: `${s.protocol.name}에서 노드 ${node}은(는) 지금 블록을 만들 수 없습니다 (차례가 아니거나, 리더가 아니거나, 검증자가 아님)`,
    })
  }
  return block
}
