/**
 * Dev accounts match Hardhat's well-known ones and viem's `mnemonicToAccount` (the oracle).
 */
import { bytesToHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { BaseError } from '../../../../runtime/errors/base.ts'
import { TEST_KEYS_WARNING, TEST_MNEMONIC, deriveDevAccounts } from '../../../../runtime/exec/evm/devAccounts.ts'

function errorOf(fn: () => unknown): BaseError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(BaseError)
    return error as BaseError
  }
  throw new Error('expected an error')
}

describe('deriveDevAccounts', () => {
  const accounts = deriveDevAccounts()

  it('gives Hardhat’s accounts 0 and 1', () => {
    expect(TEST_MNEMONIC).toBe('test test test test test test test test test test test junk')
    expect(accounts[0]!.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
    expect(accounts[0]!.privateKeyHex).toBe('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
    expect(bytesToHex(accounts[0]!.privateKey)).toBe(accounts[0]!.privateKeyHex)
    expect(accounts[0]!.path).toBe("m/44'/60'/0'/0/0")
    expect(accounts[1]!.address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')
    expect(accounts[1]!.privateKeyHex).toBe('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
  })

  it('derives 10 accounts equal to viem’s mnemonicToAccount', () => {
    expect(accounts).toHaveLength(10)
    accounts.forEach((account, i) => {
      const viem = mnemonicToAccount(TEST_MNEMONIC, { addressIndex: i })
      expect(account.address).toBe(viem.address)
      expect(account.privateKeyHex).toBe(bytesToHex(viem.getHdKey().privateKey!))
    })
    expect(new Set(accounts.map((a) => a.address)).size).toBe(10)
  })

  it('honours count, path, passphrase and another mnemonic', () => {
    expect(deriveDevAccounts({ count: 3 })).toEqual(accounts.slice(0, 3))
    const other = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
    const custom = deriveDevAccounts({ mnemonic: other, count: 2, path: "m/44'/60'/1'/0", passphrase: 'TREZOR' })
    custom.forEach((account, i) => {
      expect(account.address).toBe(mnemonicToAccount(other, { path: `m/44'/60'/1'/0/${i}`, passphrase: 'TREZOR' }).address)
    })
    // Extra whitespace is not a different wallet.
    expect(deriveDevAccounts({ mnemonic: `  ${TEST_MNEMONIC.replaceAll(' ', '  \n')} `, count: 1 })[0]!.address).toBe(accounts[0]!.address)
  })

  it('rejects invalid mnemonics with a clear error that does not echo the words', () => {
    const count = errorOf(() => deriveDevAccounts({ mnemonic: 'test test test' }))
    expect(count.code).toBe('dev-accounts.invalid-mnemonic')
    expect(count.shortMessage).toContain('3 words')

    const typo = errorOf(() => deriveDevAccounts({ mnemonic: TEST_MNEMONIC.replace('junk', 'junkk') }))
    expect(typo.code).toBe('dev-accounts.invalid-mnemonic')
    expect(typo.shortMessage).toContain('word 12 is not in the BIP-39 English word list')
    expect(typo.message).not.toContain('junkk')

    const checksum = errorOf(() => deriveDevAccounts({ mnemonic: TEST_MNEMONIC.replace('junk', 'test') }))
    expect(checksum.code).toBe('dev-accounts.invalid-mnemonic')
    expect(checksum.shortMessage).toContain('checksum')
  })

  it('rejects a bad count or path', () => {
    expect(errorOf(() => deriveDevAccounts({ count: 0 })).code).toBe('dev-accounts.invalid-count')
    expect(errorOf(() => deriveDevAccounts({ count: 1.5 })).code).toBe('dev-accounts.invalid-count')
    expect(errorOf(() => deriveDevAccounts({ path: "44'/60'" })).code).toBe('dev-accounts.invalid-path')
  })

  it('carries a bilingual warning that the keys are public', () => {
    expect(TEST_KEYS_WARNING.en).toMatch(/public test keys/)
    expect(TEST_KEYS_WARNING.en).toMatch(/never send real funds/i)
    expect(TEST_KEYS_WARNING.ko).toMatch(/^테스트 전용 키입니다/)
    expect(TEST_KEYS_WARNING.ko).toContain('실제 자산')
  })
})
