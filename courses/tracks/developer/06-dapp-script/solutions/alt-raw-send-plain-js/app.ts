// Also correct: plain JavaScript, ethers-style names, sendTransaction({ data }) for the deployment and the
// call, a raw call decoded by hand, and getLogs with parseAbiItem.
import { createPublicClient, createWalletClient, custom, encodeDeployData, encodeFunctionData, decodeFunctionResult, parseAbiItem } from 'viem'
import { chain, devnet, accounts } from 'playground'

export async function main(artifact, initial, next) {
  const provider = createPublicClient({ chain: devnet, transport: custom(chain) })
  const signer = createWalletClient({ account: accounts[2], chain: devnet, transport: custom(chain) })
  const data = encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args: [initial] })
  const deployHash = await signer.sendTransaction({ data })
  const rcpt = await provider.waitForTransactionReceipt({ hash: deployHash })
  const contractAddress = rcpt.contractAddress
  const txHash = await signer.sendTransaction({ to: contractAddress, data: encodeFunctionData({ abi: artifact.abi, functionName: 'setGreeting', args: [next] }) })
  const rcpt2 = await provider.waitForTransactionReceipt({ hash: txHash })
  if (rcpt2.status !== 'success') throw new Error('setGreeting reverted')
  const raw = await provider.call({ to: contractAddress, data: encodeFunctionData({ abi: artifact.abi, functionName: 'greet' }) })
  const greeting = decodeFunctionResult({ abi: artifact.abi, functionName: 'greet', data: raw.data })
  const logs = await provider.getLogs({ address: contractAddress, event: parseAbiItem('event GreetingChanged(address indexed by, string greeting)'), fromBlock: rcpt.blockNumber })
  return { address: contractAddress, greeting, txHash, events: logs.map((l) => l.args.greeting) }
}
