/**
 * EIP-712 hashing checked against viem's `hashTypedData` (the oracle) and the EIP's own example
 * hash; signatures checked with viem's `verifyTypedData`.
 */
import { bytesToHex, hashTypedData as viemHashTypedData, verifyTypedData } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { recoverAddress, signTypedData } from '../../../runtime/crypto/signMessage.ts'
import { encodeType, hashDomain, hashTypedData, type TypedDataDefinition } from '../../../runtime/crypto/typedData.ts'
import { BaseError } from '../../../runtime/errors/base.ts'
import { deriveDevAccounts } from '../../../runtime/exec/evm/devAccounts.ts'

const hex = (bytes: Uint8Array): string => bytesToHex(bytes)
/** viem as the oracle; its parameter types are narrower than JSON-shaped data, so the input is cast. */
const viemHash = (def: unknown): string => viemHashTypedData(def as never)

// The example of EIP-712 itself (https://eips.ethereum.org/EIPS/assets/eip-712/Example.js).
const mail = {
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  types: {
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
} as const

// Arrays of structs, arrays of arrays (fixed inside dynamic and dynamic inside fixed), bytes,
// bytesN, signed integers and bools, and a struct used only as an array element.
const nested = {
  domain: { name: 'Nested', chainId: 31337n, salt: `0x${'ab'.repeat(32)}` },
  types: {
    Group: [
      { name: 'name', type: 'string' },
      { name: 'members', type: 'Member[]' },
      { name: 'matrix', type: 'int16[2][]' },
      { name: 'grid', type: 'uint8[][3]' },
      { name: 'tags', type: 'bytes4[]' },
      { name: 'flags', type: 'bool[3]' },
      { name: 'blob', type: 'bytes' },
    ],
    Member: [
      { name: 'who', type: 'address' },
      { name: 'wallets', type: 'address[]' },
      { name: 'notes', type: 'string[]' },
      { name: 'badge', type: 'Badge' },
    ],
    Badge: [
      { name: 'id', type: 'uint256' },
      { name: 'level', type: 'int8' },
    ],
  },
  primaryType: 'Group',
  message: {
    name: 'Builders',
    members: [
      {
        who: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        wallets: ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'],
        notes: ['first', '두 번째', ''],
        badge: { id: 2n ** 200n, level: -128 },
      },
      { who: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', wallets: [], notes: [], badge: { id: 0n, level: 127 } },
    ],
    matrix: [
      [-1, 2],
      [32767, -32768],
    ],
    grid: [[1, 2, 3], [], [255]],
    tags: ['0xdeadbeef', '0x00000000'],
    flags: [true, false, true],
    blob: '0x0102030405',
  },
} as const

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const permitTypes = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const
const permitDomain = { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc } as const
const maxUint = 2n ** 256n - 1n

/** A copy of `def` with `message` replaced. */
function withMessage(def: TypedDataDefinition, message: Record<string, unknown>): TypedDataDefinition {
  return { ...def, message }
}

function errorOf(fn: () => unknown): BaseError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(BaseError)
    return error as BaseError
  }
  throw new Error('expected an error')
}

describe('hashTypedData', () => {
  it('hashes the EIP-712 Mail example to the EIP’s hash and to viem’s', () => {
    expect(encodeType('Mail', mail.types)).toBe('Mail(Person from,Person to,string contents)Person(string name,address wallet)')
    expect(hex(hashDomain(mail.domain))).toBe('0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f')
    expect(hex(hashTypedData(mail))).toBe('0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2')
    expect(hex(hashTypedData(mail))).toBe(viemHashTypedData(mail))
  })

  it('matches viem on nested structs and nested fixed/dynamic arrays', () => {
    expect(hex(hashTypedData(nested))).toBe(viemHashTypedData(nested))
    expect(encodeType('Group', nested.types)).toBe(
      'Group(string name,Member[] members,int16[2][] matrix,uint8[][3] grid,bytes4[] tags,bool[3] flags,bytes blob)' +
        'Badge(uint256 id,int8 level)Member(address who,address[] wallets,string[] notes,Badge badge)',
    )
    // Every element matters: change one deep value and both hashes move together.
    const changed = { ...nested, message: { ...nested.message, matrix: [[-1, 2], [32767, -32767]] } } as const
    expect(hex(hashTypedData(changed))).toBe(viemHashTypedData(changed))
    expect(hex(hashTypedData(changed))).not.toBe(hex(hashTypedData(nested)))
  })

  it('hashes an ERC-2612 Permit with uint256 as decimal string, hex string, number and bigint alike', () => {
    const message = {
      owner: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      spender: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      value: maxUint,
      nonce: 0n,
      deadline: 1_700_000_000n,
    } as const
    const expected = viemHashTypedData({ domain: permitDomain, types: permitTypes, primaryType: 'Permit', message })
    const asJson = {
      domain: permitDomain,
      types: permitTypes,
      primaryType: 'Permit',
      message: { ...message, value: maxUint.toString(), nonce: '0', deadline: 1_700_000_000 },
    }
    expect(hex(hashTypedData(asJson))).toBe(expected)
    expect(hex(hashTypedData(withMessage(asJson, { ...asJson.message, value: `0x${maxUint.toString(16)}`, nonce: '0x0' })))).toBe(expected)
    expect(hex(hashTypedData({ domain: permitDomain, types: permitTypes, primaryType: 'Permit', message }))).toBe(expected)
    // The domain too may come as JSON carries it (chainId as a string).
    expect(hex(hashTypedData({ ...asJson, domain: { ...permitDomain, chainId: '1' } }))).toBe(expected)
  })

  it('derives EIP712Domain from the fields present, or uses types.EIP712Domain when given', () => {
    const onlyChain = { domain: { chainId: 5 }, types: mail.types, primaryType: 'Mail', message: mail.message } as const
    expect(hex(hashTypedData(onlyChain))).toBe(viemHashTypedData(onlyChain))
    const noDomain = { types: mail.types, primaryType: 'Mail', message: mail.message } as const
    expect(hex(hashTypedData(noDomain))).toBe(viemHashTypedData(noDomain))
    // MetaMask requests carry EIP712Domain explicitly, in a non-canonical order here.
    const explicit = {
      domain: { chainId: 1, name: 'Ether Mail' },
      types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }, { name: 'name', type: 'string' }], ...mail.types },
      primaryType: 'Mail',
      message: mail.message,
    } as const
    expect(hex(hashTypedData(explicit))).toBe(viemHash(explicit))
    expect(hex(hashTypedData(explicit))).not.toBe(hex(hashTypedData({ ...explicit, types: mail.types })))
    // primaryType EIP712Domain signs the domain alone.
    const domainOnly = { domain: mail.domain, types: mail.types, primaryType: 'EIP712Domain', message: {} } as const
    expect(hex(hashTypedData(domainOnly))).toBe(viemHash(domainOnly))
  })

  it('signatures verify with viem, recover to the dev account, and equal viem’s own', async () => {
    const [dev] = deriveDevAccounts({ count: 1 })
    const account = privateKeyToAccount(dev!.privateKeyHex as `0x${string}`)
    for (const def of [mail, nested]) {
      const signature = signTypedData(def, dev!.privateKey)
      expect(recoverAddress(hashTypedData(def), signature)).toBe(dev!.address)
      expect(await verifyTypedData({ ...def, address: dev!.address as `0x${string}`, signature: signature as `0x${string}` } as never)).toBe(true)
      expect(signature).toBe(await account.signTypedData(def as never))
    }
    // Another signer does not verify.
    const other = signTypedData(mail, deriveDevAccounts({ count: 2 })[1]!.privateKey)
    expect(await verifyTypedData({ ...mail, address: dev!.address as `0x${string}`, signature: other as `0x${string}` })).toBe(false)
  })

  describe('bad input names the field', () => {
    const bad: [string, () => unknown, string][] = [
      ['an invalid nested address', () => hashTypedData(withMessage(mail, { ...mail.message, to: { name: 'Bob', wallet: '0x1234' } })), 'message.to.wallet'],
      [
        'an address with a wrong checksum',
        () => hashTypedData(withMessage(mail, { ...mail.message, to: { name: 'Bob', wallet: '0xBbBBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' } })),
        'message.to.wallet',
      ],
      ['a missing field', () => hashTypedData(withMessage(mail, { from: mail.message.from, to: mail.message.to })), 'message.contents'],
      ['a missing nested field', () => hashTypedData(withMessage(mail, { ...mail.message, from: { name: 'Cow' } })), 'message.from.wallet'],
      [
        'an unknown type',
        () => hashTypedData({ ...mail, types: { ...mail.types, Person: [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'adress' }] } }),
        'types.Person.wallet',
      ],
      ['uint without size', () => hashTypedData({ ...mail, types: { ...mail.types, Person: [{ name: 'wallet', type: 'uint' }] } }), 'types.Person.wallet'],
      ['primaryType not in types', () => hashTypedData({ ...mail, primaryType: 'Letter' }), 'primaryType'],
      [
        'uint256 out of range',
        () => hashTypedData({ domain: permitDomain, types: permitTypes, primaryType: 'Permit', message: { owner: usdc, spender: usdc, value: (maxUint + 1n).toString(), nonce: 0, deadline: 0 } }),
        'message.value',
      ],
      [
        'a negative uint',
        () => hashTypedData({ domain: permitDomain, types: permitTypes, primaryType: 'Permit', message: { owner: usdc, spender: usdc, value: -1, nonce: 0, deadline: 0 } }),
        'message.value',
      ],
      [
        'an unsafe JSON number',
        () => hashTypedData({ domain: permitDomain, types: permitTypes, primaryType: 'Permit', message: { owner: usdc, spender: usdc, value: 2 ** 60, nonce: 0, deadline: 0 } }),
        'message.value',
      ],
      [
        'int8 below its range, inside an array of structs',
        () => hashTypedData(withMessage(nested, { ...nested.message, members: [nested.message.members[0], { ...nested.message.members[1], badge: { id: 0, level: -129 } }] })),
        'message.members[1].badge.level',
      ],
      ['a fixed array of the wrong length', () => hashTypedData(withMessage(nested, { ...nested.message, flags: [true, false] })), 'message.flags'],
      ['int16 out of range in a nested array', () => hashTypedData(withMessage(nested, { ...nested.message, matrix: [[0, 0], [0, 40000]] })), 'message.matrix[1][1]'],
      ['bytes4 of the wrong size', () => hashTypedData(withMessage(nested, { ...nested.message, tags: ['0xdeadbeef', '0x0102'] })), 'message.tags[1]'],
      ['a non-boolean bool', () => hashTypedData(withMessage(nested, { ...nested.message, flags: [true, 'false', true] })), 'message.flags[1]'],
      ['a bad domain value', () => hashTypedData({ ...mail, domain: { ...mail.domain, chainId: 'one' } }), 'domain.chainId'],
    ]
    it.each(bad)('%s', (_name, fn, path) => {
      const error = errorOf(fn)
      expect(error.code).toBe('typed-data.invalid')
      expect(error.shortMessage).toContain(`${path} `)
    })
  })
})
