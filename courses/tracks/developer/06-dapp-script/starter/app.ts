import { createPublicClient, createWalletClient, custom, type Abi, type Address, type Chain, type Hex } from 'viem'
import { accounts, chain, devnet } from 'playground'

export interface Artifact {
  abi: Abi
  bytecode: Hex
}

/**
 * Deploys Greeter with `initial`, changes the greeting to `next`, then reads the chain back.
 * Must return { address, greeting, txHash, events }:
 *   address  - where Greeter was deployed
 *   greeting - what greet() returns after the change, read from the chain
 *   txHash   - the hash of the setGreeting transaction
 *   events   - the `greeting` argument of every GreetingChanged event of THIS contract, oldest first
 */
export async function main(artifact: Artifact, initial: string, next: string) {
  const account = accounts[0] as Address
  const wallet = createWalletClient({ account, chain: devnet as Chain, transport: custom(chain) })
  const client = createPublicClient({ chain: devnet as Chain, transport: custom(chain) })

  // TODO 1: deploy the contract with wallet.deployContract({ abi, bytecode, args: [initial] }).
  //         It returns a transaction HASH: wait for its receipt (client.waitForTransactionReceipt)
  //         and take receipt.contractAddress.
  const address = '0x0000000000000000000000000000000000000000' as Address

  // TODO 2: call setGreeting(next) with wallet.writeContract and wait for its receipt.
  const txHash = '0x' as Hex

  // TODO 3: read greet() back with client.readContract.
  const greeting = ''

  // TODO 4: get this contract's GreetingChanged events with client.getContractEvents
  //         (give it the address!) and keep each event's args.greeting.
  const events: string[] = []

  return { address, greeting, txHash, events }
}

// To try it yourself, add readFile to the 'playground' import, uncomment the next line and run the file:
// export default main(JSON.parse(await readFile('Greeter.json')), 'Hello', '안녕하세요')
