import { createPublicClient, createWalletClient, custom, type Abi, type Address, type Chain, type Hex } from 'viem'
import { chain, devnet, accounts } from 'playground'

export async function main(artifact: { abi: Abi; bytecode: Hex }, initial: string, next: string) {
  const client = createPublicClient({ chain: devnet as Chain, transport: custom(chain) })
  const wallet = createWalletClient({ account: accounts[0] as Address, chain: devnet as Chain, transport: custom(chain) })
  const hash = await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args: [initial] })
  const address = (await client.waitForTransactionReceipt({ hash })).contractAddress!
  const txHash = await wallet.writeContract({ address, abi: artifact.abi, functionName: 'setGreeting', args: [next] })
  await client.waitForTransactionReceipt({ hash: txHash })
  // Wrong: the watch starts after the event was emitted and has no timeout, so it waits forever.
  const events: string[] = await new Promise((resolve) => {
    client.watchContractEvent({ address, abi: artifact.abi, eventName: 'GreetingChanged', onLogs: (logs) => resolve(logs.map((l) => (l as unknown as { args: { greeting: string } }).args.greeting)) })
  })
  const greeting = await client.readContract({ address, abi: artifact.abi, functionName: 'greet' })
  return { address, greeting, txHash, events }
}
