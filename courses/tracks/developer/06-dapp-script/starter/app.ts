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
 *
 * Greeter를 `initial`로 배포하고, 인사말을 `next`로 바꾼 다음, 체인에서 다시 읽어 옵니다.
 * { address, greeting, txHash, events }를 돌려줘야 합니다:
 *   address  - Greeter가 배포된 주소
 *   greeting - 바꾼 뒤에 체인에서 읽은 greet()의 값
 *   txHash   - setGreeting 거래의 해시
 *   events   - 이 계약에서 나온 모든 GreetingChanged 이벤트의 `greeting` 인자(오래된 것부터)
 */
export async function main(artifact: Artifact, initial: string, next: string) {
  const account = accounts[0] as Address
  const wallet = createWalletClient({ account, chain: devnet as Chain, transport: custom(chain) })
  const client = createPublicClient({ chain: devnet as Chain, transport: custom(chain) })

  // TODO 1: deploy the contract with wallet.deployContract({ abi, bytecode, args: [initial] }).
  //         It returns a transaction HASH: wait for its receipt (client.waitForTransactionReceipt)
  //         and take receipt.contractAddress.
  // TODO 1: wallet.deployContract({ abi, bytecode, args: [initial] })로 계약을 배포하세요.
  //         돌려받는 것은 거래 해시입니다. 그 영수증을 기다린 다음(client.waitForTransactionReceipt)
  //         receipt.contractAddress를 꺼내세요.
  const address = '0x0000000000000000000000000000000000000000' as Address

  // TODO 2: call setGreeting(next) with wallet.writeContract and wait for its receipt.
  // TODO 2: wallet.writeContract로 setGreeting(next)를 호출하고, 그 영수증을 기다리세요.
  const txHash = '0x' as Hex

  // TODO 3: read greet() back with client.readContract.
  // TODO 3: client.readContract로 greet()를 다시 읽으세요.
  const greeting = ''

  // TODO 4: get this contract's GreetingChanged events with client.getContractEvents
  //         (give it the address!) and keep each event's args.greeting.
  // TODO 4: client.getContractEvents로 이 계약의 GreetingChanged 이벤트를 가져오고
  //         (address를 꼭 넘기세요!), 이벤트마다 args.greeting을 모으세요.
  const events: string[] = []

  return { address, greeting, txHash, events }
}

// To try it yourself, add readFile to the 'playground' import, uncomment the next line and run the file:
// 직접 해 보려면 'playground' import에 readFile을 추가하고, 다음 줄의 주석을 풀고 파일을 실행하세요.
// export default main(JSON.parse(await readFile('Greeter.json')), 'Hello', '안녕하세요')
