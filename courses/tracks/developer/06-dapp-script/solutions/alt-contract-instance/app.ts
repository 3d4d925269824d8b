import { createPublicClient, createWalletClient, custom, getContract, parseEventLogs } from 'viem'
import { accounts, chain, devnet } from 'playground'

// The same script with a viem contract instance, the event taken from the receipt's own logs
// (parseEventLogs) and a watch-free, plain-JavaScript style.
export async function main(artifact, initial, next) {
  const transport = custom(chain)
  const publicClient = createPublicClient({ chain: devnet, transport })
  const walletClient = createWalletClient({ chain: devnet, transport })
  const [me] = accounts

  const hash = await walletClient.deployContract({ account: me, abi: artifact.abi, bytecode: artifact.bytecode, args: [initial] })
  const { contractAddress } = await publicClient.waitForTransactionReceipt({ hash })

  const greeter = getContract({ address: contractAddress, abi: artifact.abi, client: { public: publicClient, wallet: walletClient } })
  const txHash = await greeter.write.setGreeting([next], { account: me })
  const receipt = await publicClient.waitForTransactionReceipt({ hash: txHash })

  const events = parseEventLogs({ abi: artifact.abi, logs: receipt.logs, eventName: 'GreetingChanged' })
    .filter((log) => log.address.toLowerCase() === contractAddress.toLowerCase())
    .map((log) => log.args.greeting)

  return { address: contractAddress, greeting: await greeter.read.greet(), txHash, events }
}
