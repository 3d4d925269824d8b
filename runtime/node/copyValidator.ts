/**
 * How a node checks a block copy it receives: the copy must hash to the block's id hash (a
 * corrupted copy — the tamper lesson — does not), and in real-PoW runs the hash must meet the
 * target.
 *
 * @module
 */
import type { BlockHasher } from '../chain/blockHeader.ts'
import { meetsTarget } from '../consensus/pow/nonceSearch.ts'
import { toHex } from '../crypto/sha256.ts'
import type { NodeTable } from './nodeTable.ts'
import type { CopyValidator } from './receiveBlock.ts'

export function createCopyValidator(nodes: NodeTable, hasher: () => BlockHasher, nonceBits: number | undefined): CopyValidator {
  return (_w, holder, block) => {
    const tampered = nodes.tampered.get(holder)?.get(block)
    if (tampered !== undefined) {
      const got = toHex(hasher().hashWithData(block, tampered))
      const want = toHex(hasher().hash(block))
      if (got !== want) return `hash mismatch: copy hashes to ${got.slice(0, 16)}…, expected ${want.slice(0, 16)}…`
    }
    if (nonceBits !== undefined && block > 0 && !meetsTarget(hasher().hash(block), nonceBits)) {
      return 'proof of work does not meet the target'
    }
    return undefined
  }
}
