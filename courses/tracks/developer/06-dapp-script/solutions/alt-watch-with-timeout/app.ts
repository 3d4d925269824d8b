// Also correct: watchContractEvent started BEFORE the write, with a timeout, instead of getContractEvents.
import { createPublicClient, createWalletClient, custom, getContract, type Abi, type Address, type Chain, type Hex } from 'viem'
import { chain, devnet, accounts } from 'playground'

type GreetingLog = { args: { greeting: string } }

export async function main(artifact: { abi: Abi; bytecode: Hex }, initial: string, next: string) {
  const client = createPublicClient({ chain: devnet as Chain, transport: custom(chain), pollingInterval: 100 })
  const wallet = createWalletClient({ account: accounts[0] as Address, chain: devnet as Chain, transport: custom(chain) })
  const hash = await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args: [initial] })
  const { contractAddress } = await client.waitForTransactionReceipt({ hash })
  const address = contractAddress!
  const greeter = getContract({ address, abi: artifact.abi, client: { public: client, wallet } })
  const seen: string[] = []
  const got = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { unwatch(); reject(new Error('no GreetingChanged event within 10 s')) }, 10_000)
    const unwatch = client.watchContractEvent({ address, abi: artifact.abi, eventName: 'GreetingChanged', onLogs: (logs) => {
      for (const l of logs) seen.push((l as unknown as GreetingLog).args.greeting)
      clearTimeout(timer); unwatch(); resolve()
    } })
  })
  const txHash = await greeter.write.setGreeting([next])
  await client.waitForTransactionReceipt({ hash: txHash })
  await got
  const greeting = await greeter.read.greet()
  return { address, greeting, txHash, events: seen }
}
