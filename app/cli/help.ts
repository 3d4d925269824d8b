/**
 * `--help` texts, in Korean and English.
 *
 * @module
 */
import { NET_MODEL_NAMES } from '../../runtime/sim/config.ts'
import { PRESETS } from '../../runtime/sim/presets.ts'
import { STRATEGY_NAMES } from '../../runtime/node/strategies/registry.ts'
import { TOPOLOGY_KINDS } from '../../runtime/net/topology.ts'
import type { Lang } from '../shared/messages.ts'

function presetList(lang: Lang): string {
  const width = Math.max(...PRESETS.map((p) => p.name.length))
  return PRESETS.map((p) => `  ${p.name.padEnd(width)}  ${p.description[lang]}`).join('\n')
}

export function mainHelp(lang: Lang): string {
  if (lang === 'ko') {
    return `블록체인 놀이터 — 직접 해 보며 배우는 블록체인

사용법: playground <명령> [옵션]

명령:
  sim         네트워크 시뮬레이션을 실행하고 결과를 출력합니다
  experiment  시뮬레이터로 실험을 돌려 문헌의 공식과 비교합니다 (이중 지불, 이기적 채굴, BFT 안전성·메시지, Raft 선출)
  compile     솔리디티 파일을 내장 solc로 컴파일합니다 (오프라인, OpenZeppelin과 hardhat/console.sol 포함)
  rpc         MetaMask·viem·ethers가 붙는 이더리움 JSON-RPC 노드를 띄웁니다 (dev 체인 또는 합의 네트워크)
  lesson      레슨: 목록, 설명, 시작, 채점, 힌트, 해답 (입문·개발 트랙)
  course      코스 팩 검사 (스키마, 두 언어, 해답·다른 해답·오답·시작 코드가 채점기에서 제대로 동작하는지)
  progress    학습 진행 상황 보기, 내보내기, 가져오기, 초기화
  web         웹 에디션을 브라우저용으로 띄웁니다 (127.0.0.1)
  bench       성능 벤치마크를 실행합니다 (커널 처리량, SimBlock 비교, 100노드 합의 프리셋, 실험)
  help        이 도움말을 보여 줍니다

공통 옵션:
  --lang ko|en   출력 언어 (기본: 시스템 로캘)
  --json         기계가 읽을 수 있는 JSON으로 출력
  --help         명령별 도움말

종료 코드: 0 성공, 1 실행 실패 또는 검사 실패(안전성 위반, 활성 멈춤, 컴파일 오류, 실험 기준 미달), 2 잘못된 사용법

자세히: playground sim --help`
  }
  return `Blockchain Playground — learn blockchain by doing

Usage: playground <command> [options]

Commands:
  sim         run a network simulation and print its results
  experiment  run an experiment in the simulator and check it against the literature (double spend, selfish mining, BFT safety and messages, Raft elections)
  compile     compile Solidity files with the bundled solc (offline; OpenZeppelin and hardhat/console.sol included)
  rpc         run an Ethereum JSON-RPC node for MetaMask, viem and ethers (a dev chain or a consensus network)
  lesson      lessons: list, show, start, grade, hints, solution (beginner and developer tracks)
  course      validate a course pack (schema, both languages, solutions, alternatives, wrong answers and starters graded)
  progress    your learning progress: show, export, import, reset
  web         serve the web edition for your browser (127.0.0.1)
  bench       run the performance benchmarks (kernel throughput, SimBlock comparison, 100-node consensus presets, experiments)
  help        show this help

Common options:
  --lang ko|en   output language (default: the system locale)
  --json         machine-readable JSON output
  --help         help for a command

Exit codes: 0 success, 1 failed run or check (safety violated, liveness stalled, compile error, experiment row missed), 2 bad usage

More: playground sim --help`
}

export function simHelp(lang: Lang): string {
  const nets = NET_MODEL_NAMES.join('|')
  const topologies = TOPOLOGY_KINDS.join('|')
  if (lang === 'ko') {
    return `사용법: playground sim --preset 이름 [옵션]

결정적 블록체인 네트워크 시뮬레이션을 실행합니다. 같은 설정과 시드는 언제나 같은 traceHash를 냅니다.

옵션:
  --preset 이름        네트워크 정의 (기본: bitcoin-2019)
  --nodes N            노드 수 (프리셋 값을 덮어씀)
  --net 모델           네트워크 모델: ${nets}
  --topology 종류      연결 구조: ${topologies}
  --seed S             난수 시드 (정수, 기본 1)
  --blocks B           높이 B까지 채굴한 뒤 멈춤 (기본 100; BFT·Raft·PoA·PoS는 높이 B가 확정될 때까지)
  --rate R             트랜잭션 부하, 초당 건수 (프리셋의 부하를 덮어씀; 0이면 부하 없음)
  --duration 시간      시뮬레이션 시간만큼 실행 (예: 90s, 10m, 2h, 1d)
  --trace 파일         처리한 모든 이벤트를 NDJSON으로 기록 (느려짐)
  --faults 파일        결함 일정(YAML 또는 JSON): - {at: 10m, type: crash, node: 3} 같은 항목의 목록
  --byzantine N:전략   비잔틴 노드 (${STRATEGY_NAMES.join(', ')}), 쉼표로 여럿;
                       censorship=S 는 보내는 이 S의 트랜잭션을 빼고, double-spend=Z 는 Z번 확인을 기다림
  --gamma G            동점에서 정직한 노드가 비잔틴 블록을 따를 확률 (0–1)
  --per-block          JSON에 블록별 채굴자, 지역, 전파 시간을 넣음
  --json               결과를 JSON 한 개로 출력
  --lang ko|en         출력 언어

프리셋:
${presetList('ko')}

예: playground sim --preset bitcoin-2019 --nodes 10000 --blocks 100 --seed 1 --json
    playground sim --preset bft --duration 10m --byzantine 3:equivocation`
  }
  return `Usage: playground sim --preset NAME [options]

Runs a deterministic blockchain network simulation. The same config and seed always give the same traceHash.

Options:
  --preset NAME        network definition (default: bitcoin-2019)
  --nodes N            number of nodes (overrides the preset)
  --net MODEL          network model: ${nets}
  --topology KIND      topology: ${topologies}
  --seed S             random seed (integer, default 1)
  --blocks B           stop after mining up to height B (default 100; BFT, Raft, PoA, PoS: once height B is final)
  --rate R             offered transaction load, tx/s (overrides the preset's; 0 turns it off)
  --duration TIME      run for this much simulated time (e.g. 90s, 10m, 2h, 1d)
  --trace FILE         write every processed event as NDJSON (slower)
  --faults FILE        fault schedule (YAML or JSON): a list of entries like - {at: 10m, type: crash, node: 3}
  --byzantine N:STRAT  byzantine nodes (${STRATEGY_NAMES.join(', ')}), comma-separated;
                       censorship=S leaves out sender S's transactions, double-spend=Z waits for Z confirmations
  --gamma G            chance that an honest node follows a byzantine block in a tie (0–1)
  --per-block          add each block's miner, region and propagation to the JSON
  --json               print one JSON object
  --lang ko|en         output language

Presets:
${presetList('en')}

Examples: playground sim --preset bitcoin-2019 --nodes 10000 --blocks 100 --seed 1 --json
          playground sim --preset bft --duration 10m --byzantine 3:equivocation`
}

export function benchHelp(lang: Lang): string {
  if (lang === 'ko') {
    return `사용법: playground bench [kernel|simblock|consensus|compiler|rpc|sandbox|lessons|experiments] [--seeds N] [--json]

  kernel     이벤트 큐 처리량(초당 이벤트)
  consensus  100노드 프리셋(bft: 초당 1,000건, pos, raft-consortium)을 10분 동안: 실제 시간 대비
             속도(bft 목표 60배 이상), 처리량, 확정 시간 p50/p99
  simblock   SimBlock 비트코인 2019 모델, 노드 10,000 × 블록 100: 시간, 메모리, 전파 시간을
             SimBlock(50.9초, 1.43GB, t50/t90/t100 1.15/2.23/5.71초)과 비교
  compiler   약 200줄 계약의 컴파일 시간: 처음, 데운 뒤(목표 300ms 이하), 캐시
  rpc        dev 노드에 HTTP로 ERC-20 전송 --count N건(기본 1000)을 하나씩(Hardhat 264–279 tx/s와 비교), 100노드 bft 대 노드 1개 처리량(목표 0.7배 이상)
  sandbox    QuickJS 격리 환경: 빈 스크립트 시작(목표 100ms 이하), TypeScript, viem 가져오기, viem 송금
  lessons    공식 레슨마다 해답 채점 시간(데운 뒤 목표 2초 이하)
  experiments 실험 전체 격자 (double-spend, selfish-mining, bft-safety, bft-messages, raft-election): 통과한 행, 시행 수, 시간
  --seeds N  전파 시간 비교에 쓸 시드 수 (기본 5; 첫 시드로 시간·메모리도 잼)

수치는 출력만 하며 시험처럼 실패하지 않습니다.`
  }
  return `Usage: playground bench [kernel|simblock|consensus|compiler|rpc|sandbox|lessons|experiments] [--seeds N] [--json]

  kernel     event-queue throughput (events per second)
  consensus  the 100-node presets (bft at 1,000 tx/s, pos, raft-consortium) for 10 simulated
             minutes: speed against real time (bft target ≥ 60×), throughput, finality p50/p99
  simblock   SimBlock's Bitcoin 2019 model, 10,000 nodes × 100 blocks: wall time, memory and
             propagation against SimBlock (50.9 s, 1.43 GB, t50/t90/t100 1.15/2.23/5.71 s)
  compiler   compile time of a ~200-line contract: cold, warm (target ≤ 300 ms), cached
  rpc        --count N ERC-20 transfers one by one over HTTP to the dev node (default 1000; vs Hardhat's 264–279 tx/s), and 100-node bft vs 1-node throughput (target ≥ 0.7×)
  sandbox    QuickJS isolates: warm start of a trivial script (target ≤ 100 ms), TypeScript, importing viem, a viem transfer
  lessons    grading each official lesson's solution (target ≤ 2 s warm)
  experiments the full experiment grids (double-spend, selfish-mining, bft-safety, bft-messages, raft-election): rows passed, trials, time
  --seeds N  seeds for the propagation comparison (default 5; the first also gives time and memory)

It prints figures; it is not a timed test and does not fail.`
}

export function experimentHelp(lang: Lang): string {
  if (lang === 'ko') {
    return `사용법: playground experiment 이름 [--trials N] [--seed S] [--json]

시뮬레이터(같은 노드·합의·공격 전략 코드)로 실험을 돌리고, 각 행을 문헌의 값과 99.9% 구간으로 비교합니다.
하나라도 실패하면 종료 코드 1.

  double-spend     공격자 몫 q ∈ {0.1, 0.3}, 확인 수 z = 1…10: 성공률 대 Rosenfeld의 정확한 식(옆에 Nakamoto §11)
                   --trials: 행마다 경주 횟수 (기본: 구간 절반 폭이 0.01 또는 기대값의 10% 이하가 되도록)
  selfish-mining   α ∈ {0.25, 0.35, 0.40}, γ ∈ {0, 0.5}: 이기적 채굴 풀의 수익 몫 대 Eyal–Sirer (±0.01),
                   수익 임계값 (1−γ)/(3−2γ)도 보임. --trials: 행마다 독립 실행 수 (기본 8, 각 블록 50,000개)
  bft-safety       텐더민트 검증자 4명, 이중 서명자 f = 1: 무작위 분할·중단 일정 200개에서 안전성 위반 0,
                   모든 일정이 높이 20 이상 확정하고 활성 기준을 만족. f = 2는 위반이 나타나야 통과
                   (검사기가 실패할 수 있다는 증거). --trials: 일정 수 (기본 200)
  bft-messages     n = 4, 7, 10: 높이당 합의 메시지 수 대 텐더민트 공식 (n−1) + 2n(n−1) (PBFT 참고값 옆에)
                   --trials: 행마다 높이 수 (기본 50)
  raft-election    Raft §9.3: 리더 중단 후 선출 시간, 타임아웃 무작위 폭 0, 5, 50ms와 150–300ms.
                   무작위 폭 0의 중앙값이 5ms 이상인 경우의 10배를 넘으면 통과. --trials: 행마다 시행 수
  --seed S         시드 (기본 1)
  --json           {experiment, seed, trials, pass, rows: [{params, measured, expected, ciLow, ciHigh, pass, events, traceHash}]}`
  }
  return `Usage: playground experiment NAME [--trials N] [--seed S] [--json]

Runs an experiment through the simulator (the same node, consensus and attack-strategy code) and
checks each row against the literature with a 99.9% interval. Exit code 1 if any row fails.

  double-spend     attacker share q ∈ {0.1, 0.3}, confirmations z = 1…10: success rate vs Rosenfeld's
                   exact formula (Nakamoto's §11 beside it). --trials: races per row (default: enough
                   for a half-width ≤ 0.01, or ≤ 10% of the expected value above 0.1)
  selfish-mining   α ∈ {0.25, 0.35, 0.40}, γ ∈ {0, 0.5}: the selfish pool's revenue share vs Eyal–Sirer
                   (±0.01); shows the profitability threshold (1−γ)/(3−2γ). --trials: independent runs
                   per row (default 8, 50,000 blocks each)
  bft-safety       Tendermint, 4 validators, f = 1 equivocator: 200 seeded partition/crash schedules
                   with zero safety violations, every one finalizing ≥ 20 heights and meeting the
                   liveness criterion; with f = 2 a violation must show (proof the checker can fail).
                   --trials: schedules (default 200)
  bft-messages     n = 4, 7, 10: consensus messages per height vs Tendermint's (n−1) + 2n(n−1) (PBFT's
                   reference count beside it). --trials: heights per row (default 50)
  raft-election    Raft §9.3: time to elect a leader after the leader crashes, for 0, 5 and 50 ms of
                   timeout randomness and 150–300 ms; passes when the 0-ms median exceeds 10× the
                   median with ≥ 5 ms. --trials: trials per row
  --seed S         seed (default 1)
  --json           {experiment, seed, trials, pass, rows: [{params, measured, expected, ciLow, ciHigh, pass, events, traceHash}]}`
}

export function compileHelp(lang: Lang): string {
  if (lang === 'ko') {
    return `사용법: playground compile 파일.sol [파일.sol …] [--optimize 횟수] [--json]

내장된 solc(오프라인)로 컴파일합니다. import는 파일이 있는 폴더, @openzeppelin/contracts/…,
hardhat/console.sol에서 찾습니다. 진단은 파일:줄:열 형식으로, 계약은 배포 코드 크기와 함께 보여 줍니다.
EVM 버전은 시뮬레이터의 하드포크로 고정됩니다. 오류가 있으면 종료 코드 1.

  --optimize N   최적화기를 켜고 실행 횟수 N으로 (기본: 끔)
  --json         {ok, diagnostics: [{severity, message, file, line, column, code}], artifacts: [{sourceName, contractName, abi, bytecode, deployedBytecode, compilerVersion, evmVersion}]}`
  }
  return `Usage: playground compile FILE.sol [FILE.sol …] [--optimize RUNS] [--json]

Compiles with the bundled solc, offline. Imports resolve from the files' folders,
@openzeppelin/contracts/… and hardhat/console.sol. Diagnostics print as file:line:column; contracts
with their deployed size. The EVM version is pinned to the simulator's hardfork. Exit 1 on an error.

  --optimize N   turn the optimizer on with N runs (default: off)
  --json         {ok, diagnostics: [{severity, message, file, line, column, code}], artifacts: [{sourceName, contractName, abi, bytecode, deployedBytecode, compilerVersion, evmVersion}]}`
}

export function rpcHelp(lang: Lang): string {
  if (lang === 'ko') {
    return `사용법: playground rpc [--preset dev|bft|pos|raft-consortium|poa|pow-lan] [--port 8545] [--state 파일] [--json]

이더리움 JSON-RPC 노드를 127.0.0.1에 띄웁니다. MetaMask, viem, ethers, Hardhat 스크립트가 그대로 붙습니다.
  dev (기본)   노드 1개, 트랜잭션마다 바로 블록(자동 채굴), evm_* 메서드(스냅숏, 시간 이동, 구간 채굴)
  bft, pos, raft-consortium, poa, pow-lan
               노드 여럿이 합의로 블록을 만드는 시뮬레이션 네트워크(시뮬레이션 시간 = 실제 시간).
               노드 N은 /node/N 주소, "finalized" 태그는 합의 확정을 따릅니다.
테스트 니모닉(test test … junk)의 계정 10개에 각 10000 ETH가 있습니다: 공개된 테스트 키이니 실제 자산을 보내지 마세요.

  --port N       포트 (기본 8545, 0 = 빈 포트)
  --state 파일   체인을 파일에 저장하고 다음 실행 때 이어 갑니다 (dev: 블록, 네트워크: 입력을 다시 실행; 없으면 멈출 때 초기화)
  --accounts N   계정 수 (기본 10)
  --seed S       네트워크 프리셋의 시드 (기본 1)
  --quiet        채굴된 트랜잭션과 console.log 출력을 찍지 않음
  --json         시작 정보(url, chainId, accounts)를 JSON 한 줄로`
  }
  return `Usage: playground rpc [--preset dev|bft|pos|raft-consortium|poa|pow-lan] [--port 8545] [--state FILE] [--json]

Runs an Ethereum JSON-RPC node on 127.0.0.1 for MetaMask, viem, ethers and Hardhat scripts.
  dev (default)  one node, a block per transaction (automine), evm_* methods (snapshots, time
                 travel, interval mining)
  bft, pos, raft-consortium, poa, pow-lan
                 a simulated multi-node network making blocks by consensus (simulated time =
                 wall clock). Node N answers at /node/N; the "finalized" tag follows consensus.
Ten accounts from the test mnemonic (test test … junk) hold 10000 ETH each: public test keys,
never send real funds to them.

  --port N       port (default 8545; 0 picks a free one)
  --state FILE   save the chain to FILE and continue from it next time (dev: its blocks; networks: their
                 inputs, replayed exactly; without: it resets on stop)
  --accounts N   number of accounts (default 10)
  --seed S       seed of a network preset (default 1)
  --quiet        do not print mined transactions and console.log output
  --json         print the start-up info (url, chainId, accounts) as one JSON line`
}

export function lessonHelp(lang: Lang): string {
  if (lang === 'ko') {
    return `사용법: playground lesson <하위 명령> [옵션]

  list [--track beginner|developer]    레슨 목록 (진행 상황 표시: ✓ 통과, … 진행 중)
  show ID                              레슨 설명(README), 학습 목표, 파일, 힌트 수
  start ID --workspace 폴더            시작 코드를 폴더에 복사하고 첫 git 커밋을 만듭니다
  grade ID --workspace 폴더            채점합니다: 검사마다 통과/실패와 이유, 시도를 폴더에 커밋하고 진행 상황에 기록
                                       (모두 통과하면 종료 코드 0, 아니면 1)
  hint ID                              다음 단계 힌트 (살짝 → 방향 → 거의 답; 사용 기록이 남습니다)
  solution ID                          해답 (레슨의 공개 정책이 허락할 때: 통과 후, 또는 한 번 실패한 뒤)

  --pack 경로     공식 팩 대신 다른 코스 팩
  --json          list → [{id, track, order, title: {ko, en}, minutes}]
                  grade → {lesson, score, passed, checks: [{id, status, title, message: {code, ko, en}}], attempt, commit}
진행 상황 파일: playground progress --help`
  }
  return `Usage: playground lesson <subcommand> [options]

  list [--track beginner|developer]    the lessons (with progress: ✓ passed, … started)
  show ID                              a lesson's instructions (README), objectives, files, hints
  start ID --workspace DIR             copy the starter into DIR and make the first git commit
  grade ID --workspace DIR             grade: each check passed or failed and why; the attempt is committed in DIR
                                       and recorded in your progress (exit 0 when every check passes, 1 otherwise)
  hint ID                              the next hint tier (a nudge → a pointer → almost the answer; recorded)
  solution ID                          the solution, when the lesson's policy allows (after passing, or after a failed attempt)

  --pack PATH     another course pack instead of the official one
  --json          list → [{id, track, order, title: {ko, en}, minutes}]
                  grade → {lesson, score, passed, checks: [{id, status, title, message: {code, ko, en}}], attempt, commit}
Progress file: playground progress --help`
}

export function courseHelp(lang: Lang): string {
  if (lang === 'ko') {
    return `사용법: playground course validate [경로] [--lesson ID[,ID…]] [--json]

코스 팩(기본: 공식 팩)을 검사합니다. 레슨마다: 스키마, 두 언어(한국어는 한글로, 두 README의 제목 구조가 같음),
솔리디티 시작 코드 컴파일, 해답과 모든 solutions/alt-*가 모든 검사 통과, 시작 코드는 하나 이상 실패,
wrong/*는 EXPECT_FAIL에 적힌 검사에 실패, 남는 파일 없음. 모두 맞으면 종료 코드 0.
  --json   {ok, lessons: [{id, schema, languages, starterCompiles, solutionPasses, altsPass, wrongsFail, starterFails, noOrphans, problems}], problems}
형식: courses/AUTHORING.md`
  }
  return `Usage: playground course validate [PATH] [--lesson ID[,ID…]] [--json]

Checks a course pack (default: the official one). For every lesson: the schema, both languages (Korean in
Hangul, both READMEs with the same headings), the Solidity starter compiles, the solution and every
solutions/alt-* pass every check, the starter fails at least one, each wrong/* fails the check its
EXPECT_FAIL names, no orphan files. Exit 0 when all hold.
  --json   {ok, lessons: [{id, schema, languages, starterCompiles, solutionPasses, altsPass, wrongsFail, starterFails, noOrphans, problems}], problems}
Format: courses/AUTHORING.md`
}
