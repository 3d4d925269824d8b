/**
 * The dev node's funded accounts, derived like Hardhat and Anvil do: BIP-39 mnemonic → seed,
 * BIP-32 keys at `m/44'/60'/0'/0/i`. With the default mnemonic the addresses and keys are the
 * ones every Ethereum tutorial shows (account 0 = 0xf39F…2266), so what a learner copies from
 * the web works here, and what they do here works in Hardhat.
 *
 * @module
 */
import { HDKey } from '@scure/bip32'
import { mnemonicToSeedSync, validateMnemonic } from '@scure/bip39'
import { wordlist as english } from '@scure/bip39/wordlists/english.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { privateKeyToAddress } from '../../crypto/signMessage.ts'
import { BaseError } from '../../errors/base.ts'
import type { Bilingual } from '../../errors/input.ts'

/** Hardhat's and Anvil's default mnemonic. Public: never use it for anything of value. */
export const TEST_MNEMONIC = 'test test test test test test test test test test test junk'

/** BIP-44 account path for Ethereum (coin type 60); account `i` is `${path}/${i}`. */
export const DEFAULT_HD_PATH = "m/44'/60'/0'/0"

/** Shown wherever dev keys are: they are public, so funds sent to them on a real chain are lost. */
export const TEST_KEYS_WARNING: Readonly<Bilingual> = Object.freeze({
  en: 'These are public test keys: their mnemonic is published, so anyone can use them. Never send real funds to these addresses or use these keys on a real network.',
  ko: '테스트 전용 키입니다. 니모닉이 공개되어 있어 누구나 이 키를 쓸 수 있습니다. 이 주소로 실제 자산을 보내거나 실제 네트워크에서 이 키를 사용하지 마세요.',
})

export interface DevAccount {
  /** EIP-55 checksummed address. */
  readonly address: string
  readonly privateKey: Uint8Array
  /** `0x` + 64 lowercase hex digits, as wallets import it. */
  readonly privateKeyHex: string
  /** Full derivation path, e.g. `m/44'/60'/0'/0/3`. */
  readonly path: string
}

export interface DeriveDevAccountsOptions {
  /** BIP-39 English mnemonic; default {@link TEST_MNEMONIC}. */
  mnemonic?: string | undefined
  /** How many accounts (indices 0 … count − 1); default 10, like Hardhat. */
  count?: number | undefined
  /** Parent path of the accounts; default {@link DEFAULT_HD_PATH}. */
  path?: string | undefined
  /** BIP-39 passphrase ("25th word"); default none, like Hardhat. */
  passphrase?: string | undefined
}

/** Upper bound on `count`: each account costs a BIP-32 derivation, and a dev node needs few. */
export const MAX_DEV_ACCOUNTS = 1000

/**
 * @example
 * const [alice, bob] = deriveDevAccounts({ count: 2 })
 * alice.address // '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
 * bob.address // '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
 */
export function deriveDevAccounts(options: DeriveDevAccountsOptions = {}): DevAccount[] {
  const { mnemonic = TEST_MNEMONIC, count = 10, path = DEFAULT_HD_PATH, passphrase = '' } = options
  const phrase = normalizeMnemonic(mnemonic)
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEV_ACCOUNTS) {
    throw new BaseError(`deriveDevAccounts: count must be an integer from 1 to ${MAX_DEV_ACCOUNTS}, got ${String(count)}.`, {
      code: 'dev-accounts.invalid-count',
    })
  }
  if (typeof path !== 'string' || !/^m(\/\d+'?)*$/.test(path)) {
    throw new BaseError(`deriveDevAccounts: path must be a BIP-32 path like "m/44'/60'/0'/0", got ${JSON.stringify(path)}.`, {
      code: 'dev-accounts.invalid-path',
    })
  }
  if (typeof passphrase !== 'string') {
    throw new BaseError('deriveDevAccounts: passphrase must be a string.', { code: 'dev-accounts.invalid-passphrase' })
  }
  // The parent is derived once; each account is then one non-hardened child step.
  const parent = HDKey.fromMasterSeed(mnemonicToSeedSync(phrase, passphrase)).derive(path)
  const accounts: DevAccount[] = []
  for (let i = 0; i < count; i++) {
    const privateKey = parent.deriveChild(i).privateKey
    // Only a public-key-only HDKey lacks a private key; one made from a seed always has it.
    if (privateKey === null) throw new Error('deriveDevAccounts: derived key has no private key')
    accounts.push({
      address: privateKeyToAddress(privateKey),
      privateKey,
      privateKeyHex: `0x${bytesToHex(privateKey)}`,
      path: `${path}/${i}`,
    })
  }
  return accounts
}

/**
 * Collapses whitespace (as ethers and Hardhat accept it) and checks the phrase against the
 * BIP-39 English list and checksum. The error names word positions, never the words: the phrase
 * may be someone's real wallet.
 */
function normalizeMnemonic(mnemonic: unknown): string {
  if (typeof mnemonic !== 'string') {
    throw new BaseError('deriveDevAccounts: mnemonic must be a string of BIP-39 English words.', { code: 'dev-accounts.invalid-mnemonic' })
  }
  const words = mnemonic.trim().split(/\s+/).filter((w) => w !== '')
  const phrase = words.join(' ')
  if (validateMnemonic(phrase, english)) return phrase
  const known = new Set(english)
  const unknown = words.flatMap((w, i) => (known.has(w) ? [] : [i + 1]))
  const problem =
    ![12, 15, 18, 21, 24].includes(words.length)
      ? `it has ${words.length} words; a BIP-39 mnemonic has 12, 15, 18, 21 or 24`
      : unknown.length > 0
        ? `word${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in the BIP-39 English word list (lowercase)`
        : 'its checksum (the last word) does not match: a word is probably mistyped or out of order'
  throw new BaseError(`deriveDevAccounts: invalid mnemonic: ${problem}.`, { code: 'dev-accounts.invalid-mnemonic' })
}
