// Also correct: a local account (privateKeyToAccount of Hardhat test key 0, signing in the script), then
// simulateContract to check the call and writeContract(request) to send it.
import { createPublicClient, createWalletClient, custom, type Abi, type Chain, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { chain, devnet } from 'playground'

const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')

export async function main(artifact: { abi: Abi; bytecode: Hex }, initial: string, next: string) {
  const publicClient = createPublicClient({ chain: devnet as Chain, transport: custom(chain) })
  const walletClient = createWalletClient({ account, chain: devnet as Chain, transport: custom(chain) })
  const deployTx = await walletClient.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args: [initial] })
  const deployed = await publicClient.waitForTransactionReceipt({ hash: deployTx })
  const address = deployed.contractAddress!
  const { request } = await publicClient.simulateContract({ account, address, abi: artifact.abi, functionName: 'setGreeting', args: [next] })
  const txHash = await walletClient.writeContract(request)
  await publicClient.waitForTransactionReceipt({ hash: txHash })
  const greeting = await publicClient.readContract({ address, abi: artifact.abi, functionName: 'greet' })
  const logs = await publicClient.getContractEvents({ address, abi: artifact.abi, eventName: 'GreetingChanged', fromBlock: 0n, toBlock: 'latest' })
  return { address, greeting, txHash, events: logs.map((l) => (l as unknown as { args: { greeting: string } }).args.greeting) }
}
