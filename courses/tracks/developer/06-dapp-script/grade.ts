import type { Contract, Grader, GraderContext, ScriptRun, Text } from '@playground/grader'

/** Greeter.sol compiled with the bundled solc 0.8.28 (cancun, optimizer off): the same as Greeter.json. */
const GREETER = {"abi":[{"inputs":[{"internalType":"string","name":"initial","type":"string"}],"stateMutability":"nonpayable","type":"constructor"},{"anonymous":false,"inputs":[{"indexed":true,"internalType":"address","name":"by","type":"address"},{"indexed":false,"internalType":"string","name":"greeting","type":"string"}],"name":"GreetingChanged","type":"event"},{"inputs":[],"name":"greet","outputs":[{"internalType":"string","name":"","type":"string"}],"stateMutability":"view","type":"function"},{"inputs":[{"internalType":"string","name":"next","type":"string"}],"name":"setGreeting","outputs":[],"stateMutability":"nonpayable","type":"function"}],"bytecode":"0x608060405234801561000f575f5ffd5b50604051610b0c380380610b0c83398181016040528101906100319190610193565b805f908161003f91906103ea565b50506104b9565b5f604051905090565b5f5ffd5b5f5ffd5b5f5ffd5b5f5ffd5b5f601f19601f8301169050919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b6100a58261005f565b810181811067ffffffffffffffff821117156100c4576100c361006f565b5b80604052505050565b5f6100d6610046565b90506100e2828261009c565b919050565b5f67ffffffffffffffff8211156101015761010061006f565b5b61010a8261005f565b9050602081019050919050565b8281835e5f83830152505050565b5f610137610132846100e7565b6100cd565b9050828152602081018484840111156101535761015261005b565b5b61015e848285610117565b509392505050565b5f82601f83011261017a57610179610057565b5b815161018a848260208601610125565b91505092915050565b5f602082840312156101a8576101a761004f565b5b5f82015167ffffffffffffffff8111156101c5576101c4610053565b5b6101d184828501610166565b91505092915050565b5f81519050919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b5f600282049050600182168061022857607f821691505b60208210810361023b5761023a6101e4565b5b50919050565b5f819050815f5260205f209050919050565b5f6020601f8301049050919050565b5f82821b905092915050565b5f6008830261029d7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82610262565b6102a78683610262565b95508019841693508086168417925050509392505050565b5f819050919050565b5f819050919050565b5f6102eb6102e66102e1846102bf565b6102c8565b6102bf565b9050919050565b5f819050919050565b610304836102d1565b610318610310826102f2565b84845461026e565b825550505050565b5f5f905090565b61032f610320565b61033a8184846102fb565b505050565b5b8181101561035d576103525f82610327565b600181019050610340565b5050565b601f8211156103a25761037381610241565b61037c84610253565b8101602085101561038b578190505b61039f61039785610253565b83018261033f565b50505b505050565b5f82821c905092915050565b5f6103c25f19846008026103a7565b1980831691505092915050565b5f6103da83836103b3565b9150826002028217905092915050565b6103f3826101da565b67ffffffffffffffff81111561040c5761040b61006f565b5b6104168254610211565b610421828285610361565b5f60209050601f831160018114610452575f8415610440578287015190505b61044a85826103cf565b8655506104b1565b601f19841661046086610241565b5f5b8281101561048757848901518255600182019150602085019450602081019050610462565b868310156104a457848901516104a0601f8916826103b3565b8355505b6001600288020188555050505b505050505050565b610646806104c65f395ff3fe608060405234801561000f575f5ffd5b5060043610610034575f3560e01c8063a413686214610038578063cfae321714610054575b5f5ffd5b610052600480360381019061004d91906101cf565b610072565b005b61005c6100d7565b604051610069919061028a565b60405180910390f35b81815f91826100829291906104e7565b503373ffffffffffffffffffffffffffffffffffffffff167fea07f7ca8b8b2cfaab1214b6e1459ad859cf1ff2d60a948a1f9c4644970c895083836040516100cb9291906105ee565b60405180910390a25050565b60605f80546100e59061030e565b80601f01602080910402602001604051908101604052809291908181526020018280546101119061030e565b801561015c5780601f106101335761010080835404028352916020019161015c565b820191905f5260205f20905b81548152906001019060200180831161013f57829003601f168201915b5050505050905090565b5f5ffd5b5f5ffd5b5f5ffd5b5f5ffd5b5f5ffd5b5f5f83601f84011261018f5761018e61016e565b5b8235905067ffffffffffffffff8111156101ac576101ab610172565b5b6020830191508360018202830111156101c8576101c7610176565b5b9250929050565b5f5f602083850312156101e5576101e4610166565b5b5f83013567ffffffffffffffff8111156102025761020161016a565b5b61020e8582860161017a565b92509250509250929050565b5f81519050919050565b5f82825260208201905092915050565b8281835e5f83830152505050565b5f601f19601f8301169050919050565b5f61025c8261021a565b6102668185610224565b9350610276818560208601610234565b61027f81610242565b840191505092915050565b5f6020820190508181035f8301526102a28184610252565b905092915050565b5f82905092915050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b5f600282049050600182168061032557607f821691505b602082108103610338576103376102e1565b5b50919050565b5f819050815f5260205f209050919050565b5f6020601f8301049050919050565b5f82821b905092915050565b5f6008830261039a7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8261035f565b6103a4868361035f565b95508019841693508086168417925050509392505050565b5f819050919050565b5f819050919050565b5f6103e86103e36103de846103bc565b6103c5565b6103bc565b9050919050565b5f819050919050565b610401836103ce565b61041561040d826103ef565b84845461036b565b825550505050565b5f5f905090565b61042c61041d565b6104378184846103f8565b505050565b5b8181101561045a5761044f5f82610424565b60018101905061043d565b5050565b601f82111561049f576104708161033e565b61047984610350565b81016020851015610488578190505b61049c61049485610350565b83018261043c565b50505b505050565b5f82821c905092915050565b5f6104bf5f19846008026104a4565b1980831691505092915050565b5f6104d783836104b0565b9150826002028217905092915050565b6104f183836102aa565b67ffffffffffffffff81111561050a576105096102b4565b5b610514825461030e565b61051f82828561045e565b5f601f83116001811461054c575f841561053a578287013590505b61054485826104cc565b8655506105ab565b601f19841661055a8661033e565b5f5b828110156105815784890135825560018201915060208501945060208101905061055c565b8683101561059e578489013561059a601f8916826104b0565b8355505b6001600288020188555050505b50505050505050565b828183375f83830152505050565b5f6105cd8385610224565b93506105da8385846105b4565b6105e383610242565b840190509392505050565b5f6020820190508181035f8301526106078184866105c2565b9050939250505056fea2646970667358221220cdebeb365c0144e6ada5f6445add20071ece4871b9f86750a2ab5a9b87f98d6664736f6c634300081c0033"}

/** Greeter.sol as shipped: the grader reads the chain with this ABI, so an edited or broken Greeter.sol in the workspace does not matter. */
const GREETER_SOURCE = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n\n/// The contract your script deploys and talks to. You do not need to change it:\n/// Greeter.json holds what the compiler made of it (abi + bytecode).\ncontract Greeter {\n    string private greeting;\n\n    event GreetingChanged(address indexed by, string greeting);\n\n    constructor(string memory initial) {\n        greeting = initial;\n    }\n\n    function greet() external view returns (string memory) {\n        return greeting;\n    }\n\n    function setGreeting(string calldata next) external {\n        greeting = next;\n        emit GreetingChanged(msg.sender, next);\n    }\n}\n"

/** Two runs with different inputs, so nothing can be hard-coded. */
const RUNS: [string, string][] = [
  ['Hello, playground', '안녕하세요, 블록체인 놀이터'],
  ['first', 'second ✓'],
]

interface RunResult {
  initial: string
  next: string
  run: ScriptRun
  value: Record<string, unknown>
}

const isAddress = (v: unknown): v is string => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)
const isHash = (v: unknown): v is string => typeof v === 'string' && /^0x[0-9a-fA-F]{64}$/.test(v)
const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v))

/** `show`, cut to a readable length (a whole viem log object runs to a screenful). */
const brief = (v: unknown): string => {
  const text = show(v)
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}

/** A Promise the script forgot to await arrives as an empty object: say so. */
const notAwaited = (v: unknown): { ko: string; en: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0
    ? { ko: ' 빈 객체 {}는 보통 await를 빠뜨린 Promise입니다. await client.readContract(…)처럼 결과를 기다리세요.', en: ' An empty object {} is usually a Promise that was not awaited: write await client.readContract(…) and so on.' }
    : { ko: '', en: '' }

/** The first line of an error (viem's messages go on for many lines), shortened. */
const firstLine = (text: string): string => {
  const line = text.split('\n')[0] ?? ''
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

export default function grade(g: Grader): void {
  const results: RunResult[] = []
  const greeters: Contract[] = []

  g.check('script-runs', { ko: 'main()이 오류 없이 끝나고 결과 객체를 돌려준다', en: 'main() finishes without an error and returns the result object' }, async (t: GraderContext) => {
    for (const [initial, next] of RUNS) {
      // allowError: the engine then returns the script's error instead of failing the check with a
      // generic message, so this check can add a lesson-specific hint. (Not declared in graderApi.ts
      // yet; without it the engine still fails the check, with its own message.)
      const options = { call: 'main', args: [GREETER, initial, next], allowError: true }
      const run = await t.runLearnerScript('app.ts', options)
      if (run.error) {
        const where = run.error.line === undefined ? '' : ` (app.ts:${run.error.line})`
        const hashAsAddress = /0x[0-9a-fA-F]{64}/.test(run.error.en) && /address/i.test(run.error.en)
        const printed = run.console.length === 0 ? '' : `\n${run.console.slice(-5).join('\n')}`
        const stuck = /^sandbox\.(cpu|wall)$/.test(run.error.code)
          ? {
              ko: ' — 끝나지 않고 무언가를 계속 기다린 것 같습니다. 거래를 보낸 뒤에 시작한 watchContractEvent는 이미 지나간 이벤트를 받지 못해 영원히 기다립니다. 이벤트는 getContractEvents로 읽거나, 지켜보기는 거래를 보내기 전에 시작하고 setTimeout으로 시간 제한을 두세요.',
              en: ' — it seems to have waited for something that never came. A watchContractEvent started after the transaction never sees that past event and waits forever: read events with getContractEvents, or start watching before sending and give it a timeout (setTimeout).',
            }
          : { ko: '', en: '' }
        t.fail('script-error', {
          ko: `main(artifact, ${show(initial)}, ${show(next)}) 실행이 오류로 멈췄습니다${where}: ${firstLine(run.error.ko)}${hashAsAddress ? ' — 주소 자리에 64자리 해시가 들어간 것 같습니다. deployContract는 거래 해시를 돌려줍니다. waitForTransactionReceipt로 영수증을 기다린 뒤 receipt.contractAddress를 쓰세요.' : ''}${stuck.ko}${printed}`,
          en: `main(artifact, ${show(initial)}, ${show(next)}) stopped with an error${where}: ${firstLine(run.error.en)}${hashAsAddress ? ' — a 64-digit hash seems to be used as an address. deployContract returns the transaction hash: wait for the receipt with waitForTransactionReceipt and use receipt.contractAddress.' : ''}${stuck.en}${printed}`,
        })
      }
      const value = run.returnValue
      t.expect(typeof value === 'object' && value !== null && !Array.isArray(value), 'script-result', {
        ko: `main()은 { address, greeting, txHash, events } 객체를 돌려줘야 하는데 ${brief(value)}를 돌려줬습니다. 함수 끝에서 return { address, greeting, txHash, events } 하세요.`,
        en: `main() should return an object { address, greeting, txHash, events } but returned ${brief(value)}. End the function with return { address, greeting, txHash, events }.`,
      })
      results.push({ initial, next, run, value: value as Record<string, unknown> })
    }
  })

  g.check('deployed', { ko: 'Greeter가 실제로 배포되었고 그 주소를 돌려준다', en: 'Greeter was really deployed and its address returned' }, async (t: GraderContext) => {
    for (const r of results) {
      const address = r.value.address
      if (!isAddress(address)) t.fail('address-format', {
        ko: `address는 0x와 40자리 16진수여야 하는데 ${brief(address)}입니다.${isHash(address) ? ' 64자리라면 거래 해시입니다. deployContract가 돌려준 해시로 영수증을 기다린 뒤 receipt.contractAddress를 돌려주세요.' : ''}`,
        en: `address should be 0x followed by 40 hex digits, but it is ${brief(address)}.${isHash(address) ? ' 64 digits means a transaction hash: wait for the receipt of the hash deployContract returned and return receipt.contractAddress.' : ''}`,
      })
      const code = await t.request('eth_getCode', [address, 'latest'])
      t.expect(typeof code === 'string' && code.length > 2, 'no-code', {
        ko: `${address}에는 계약 코드가 없습니다.${/^0x0{40}$/.test(address) ? ' 시작 코드의 자리표시 주소(0x000…0) 그대로입니다.' : ''} 배포 거래를 보내고(wallet.deployContract) 그 영수증의 contractAddress를 돌려주세요.`,
        en: `There is no contract code at ${address}.${/^0x0{40}$/.test(address) ? " That is still the starter's placeholder (0x000…0)." : ''} Send the deployment (wallet.deployContract) and return the contractAddress from its receipt.`,
      })
      greeters.push(await t.at('Greeter', address, { 'Greeter.sol': GREETER_SOURCE }))
    }
    t.expect(greeters[0]!.address.toLowerCase() !== greeters[1]!.address.toLowerCase(), 'same-address', {
      ko: `main()을 두 번 불렀는데 두 번 다 같은 주소 ${greeters[0]!.address}를 돌려줬습니다. 부를 때마다 새 계약을 배포하고 그 주소를 돌려주세요(주소를 코드에 적어 두면 안 됩니다).`,
      en: `main() was called twice and both times returned the same address ${greeters[0]!.address}. Deploy a new contract on every call and return its address (do not hard-code it).`,
    })
  }, { after: ['script-runs'] })

  g.check('write-landed', { ko: 'setGreeting 거래가 체인에 반영되고, 체인에서 다시 읽은 값을 돌려준다', en: 'The setGreeting transaction is on the chain, and the value read back is returned' }, async (t: GraderContext) => {
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!
      const onChain = await greeters[i]!.call('greet')
      const sentReceipt = isHash(r.value.txHash) ? await t.request('eth_getTransactionReceipt', [r.value.txHash]) : null
      const sentToGreeter = sentReceipt !== null && sentReceipt !== undefined && String(sentReceipt.to).toLowerCase() === greeters[i]!.address.toLowerCase() && sentReceipt.status === '0x1'
      t.expect(onChain === r.next, 'not-written', {
        ko: onChain === r.initial && sentToGreeter
          ? `체인의 greet()가 ${show(r.next)}여야 하는데 아직 처음 값 ${show(r.initial)}입니다. setGreeting 거래는 보내졌지만 그 인자가 next가 아니었습니다. writeContract의 args에 [next]를 넘기세요.`
          : onChain === r.initial
          ? `체인의 greet()가 아직 처음 값 ${show(r.initial)}입니다. setGreeting(${show(r.next)})이 거래로 보내지지 않았습니다. simulateContract나 readContract는 미리 돌려 볼 뿐 아무것도 바꾸지 않습니다. wallet.writeContract로 보내세요.`
          : `체인의 greet()가 ${show(r.next)}여야 하는데 ${show(onChain)}입니다. 배포할 때 initial을, setGreeting에는 next를 넘기세요.`,
        en: onChain === r.initial && sentToGreeter
          ? `The chain's greet() should be ${show(r.next)} but is still the initial ${show(r.initial)}: a setGreeting transaction was sent, but not with next as its argument. Pass args: [next] to writeContract.`
          : onChain === r.initial
          ? `The chain's greet() is still the initial ${show(r.initial)}: setGreeting(${show(r.next)}) was never sent as a transaction. simulateContract and readContract only try things out and change nothing; send it with wallet.writeContract.`
          : `The chain's greet() should be ${show(r.next)} but is ${show(onChain)}. Pass initial when deploying and next to setGreeting.`,
      })
      t.expect(r.value.greeting === onChain, 'greeting-returned', {
        ko: `greeting으로 체인에서 읽은 ${show(onChain)}를 돌려줘야 하는데 ${brief(r.value.greeting)}를 돌려줬습니다. 거래가 채굴된 뒤 client.readContract({ functionName: 'greet' })로 읽으세요.${notAwaited(r.value.greeting).ko}`,
        en: `greeting should be what the chain returns, ${show(onChain)}, but main() returned ${brief(r.value.greeting)}. Read it after the transaction is mined with client.readContract({ functionName: 'greet' }).${notAwaited(r.value.greeting).en}`,
      })
      const txHash = r.value.txHash
      const receipt = isHash(txHash) ? await t.request('eth_getTransactionReceipt', [txHash]) : null
      t.expect(receipt !== null && receipt !== undefined && String(receipt.to).toLowerCase() === greeters[i]!.address.toLowerCase() && receipt.status === '0x1', 'tx-hash', {
        ko: `txHash는 Greeter(${greeters[i]!.address})로 보낸 성공한 setGreeting 거래의 해시여야 하는데 ${brief(txHash)}입니다. writeContract가 돌려준 해시를 그대로 돌려주세요(배포 거래의 해시가 아닙니다).${notAwaited(txHash).ko}`,
        en: `txHash should be the hash of the successful setGreeting transaction sent to Greeter (${greeters[i]!.address}), but it is ${brief(txHash)}. Return the hash writeContract gave you (not the deployment's).${notAwaited(txHash).en}`,
      })
    }
  }, { after: ['deployed'] })

  g.check('events', { ko: '이 계약의 GreetingChanged 이벤트를 모아 돌려준다', en: "Collects this contract's GreetingChanged events" }, async (t: GraderContext) => {
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!
      const onChain = (await greeters[i]!.events('GreetingChanged')).map((e) => e.args[1])
      const returned = r.value.events
      const same = Array.isArray(returned) && returned.length === onChain.length && returned.every((x, k) => x === onChain[k])
      const wholeLogs = Array.isArray(returned) && returned.some((x) => typeof x === 'object' && x !== null && 'args' in x)
      const why: Text = wholeLogs
        ? { ko: '로그 객체를 통째로 돌려줬습니다. 각 로그에서 greeting 문자열만 꺼내세요: logs.map((log) => log.args.greeting)', en: 'You returned whole log objects: take just the greeting string out of each, logs.map((log) => log.args.greeting).' }
        : Array.isArray(returned) && returned.length > onChain.length
          ? { ko: '다른 계약의 이벤트까지 섞였습니다. getContractEvents에 address를 넘기세요.', en: "Other contracts' events got mixed in: pass address to getContractEvents." }
          : { ko: 'client.getContractEvents({ address, abi, eventName: \'GreetingChanged\', fromBlock })로 가져와 각 로그의 args.greeting을 모으세요.' + notAwaited(returned).ko, en: "Fetch them with client.getContractEvents({ address, abi, eventName: 'GreetingChanged', fromBlock }) and collect each log's args.greeting." + notAwaited(returned).en }
      t.expect(same, 'events-returned', {
        ko: `events는 이 계약(${greeters[i]!.address})의 GreetingChanged 이벤트마다 greeting 값을 담은 ${show(onChain)}여야 하는데 ${brief(returned)}입니다. ${why.ko}`,
        en: `events should hold the greeting of each GreetingChanged event of this contract (${greeters[i]!.address}): ${show(onChain)}, but it is ${brief(returned)}. ${why.en}`,
      })
    }
  }, { after: ['write-landed'] })
}
