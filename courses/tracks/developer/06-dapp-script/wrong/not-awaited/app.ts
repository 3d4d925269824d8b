import { createPublicClient, createWalletClient, custom, type Abi, type Address, type Chain, type Hex } from 'viem'
import { accounts, chain, devnet } from 'playground'

export interface Artifact {
  abi: Abi
  bytecode: Hex
}

/**
 * Deploys Greeter with `initial`, changes the greeting to `next`, then reads the chain back.
 * Returns the contract address, the greeting read from the chain, the hash of the
 * setGreeting transaction and the greetings of the contract's GreetingChanged events.
 */
export async function main(artifact: Artifact, initial: string, next: string) {
  const account = accounts[0] as Address
  const wallet = createWalletClient({ account, chain: devnet as Chain, transport: custom(chain) })
  const client = createPublicClient({ chain: devnet as Chain, transport: custom(chain) })

  // 1. Deploy: deployContract returns the transaction hash; the address comes with the receipt.
  const deployHash = await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args: [initial] })
  const deployReceipt = await client.waitForTransactionReceipt({ hash: deployHash })
  const address = deployReceipt.contractAddress as Address

  // 2. Write: send setGreeting and wait until it is mined.
  const txHash = await wallet.writeContract({ address, abi: artifact.abi, functionName: 'setGreeting', args: [next] })
  const receipt = await client.waitForTransactionReceipt({ hash: txHash })
  if (receipt.status !== 'success') throw new Error(`setGreeting failed in block ${receipt.blockNumber}`)

  // 3. Read the value back from the chain.
  // Wrong: no await, so greeting is a Promise, not the string.
  const greeting = client.readContract({ address, abi: artifact.abi, functionName: 'greet' }) as unknown as string

  // 4. Collect this contract's GreetingChanged events.
  const logs = await client.getContractEvents({ address, abi: artifact.abi, eventName: 'GreetingChanged', fromBlock: deployReceipt.blockNumber })
  const events = logs.map((log) => (log as unknown as { args: { greeting: string } }).args.greeting)

  return { address, greeting, txHash, events }
}

// To try it yourself, add readFile to the 'playground' import, uncomment the next line and run the file:
// export default main(JSON.parse(await readFile('Greeter.json')), 'Hello', '안녕하세요')
