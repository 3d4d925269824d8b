import type { Grader, GraderContext, Text } from '@playground/grader'

/**
 * Grades the quiz on public and permissioned (consortium, private) blockchains.
 *
 * One check per question, so the learner sees which answers are wrong. An answer is one
 * letter, read generously by t.choice ('b', 'B', ' b ', '(b)', 'b)', 'b.' are all b). A wrong answer's message
 * explains what to reconsider without giving the letter away.
 */

interface Question {
  id: string
  title: Text
  /** The letters of the choices, e.g. "abcd". */
  letters: string
  answer: string
  /** What to reconsider when the answer is wrong (never the answer itself). */
  why: Text
}

const QUESTIONS: Question[] = [
  {
    id: "q1",
    title: { ko: "q1. 퍼블릭과 프라이빗을 나누는 기준", en: "q1. What separates public from private" },
    letters: "abcd",
    answer: "b",
    why: {
      ko: "블록 크기, 해시 함수, 스마트 계약은 퍼블릭과 프라이빗 어느 쪽에도 있을 수 있습니다. README의 '핵심 아이디어'에서 전략이 두 종류를 나누는 한 가지 질문, 즉 누가 네트워크에 들어올 수 있는지를 다시 읽어 보세요.",
      en: "Block size, hash functions and smart contracts can be found on either kind. Reread 'The idea' in the README: the strategy splits the two kinds by a single question about who may join the network.",
    },
  },
  {
    id: "q2",
    title: { ko: "q2. 퍼블릭 블록체인의 권한", en: "q2. Rights on a public blockchain" },
    letters: "abcd",
    answer: "d",
    why: {
      ko: "퍼블릭 블록체인에는 문지기가 없습니다. 전략의 비교표에서 퍼블릭 블록체인의 '권한' 칸에 무엇이 적혀 있는지, 채굴을 시작하는 데 누구의 허락이 필요한지 생각해 보세요.",
      en: "A public blockchain has no gatekeeper. Look at the 'rights' row of the strategy's comparison table for public blockchains, and ask whose permission you need to start mining.",
    },
  },
  {
    id: "q3",
    title: { ko: "q3. 어느 쪽이 더 빠른가", en: "q3. Which kind is faster" },
    letters: "abcd",
    answer: "a",
    why: {
      ko: "참여자가 늘면 일이 나뉘는 것이 아니라, 모두가 같은 장부를 검증하고 같은 블록을 받아야 합니다. '작업증명과 포크' 수업에서 본 것처럼 서로 모르는 수많은 노드가 합의하려면 시간이 듭니다. 참여자를 미리 아는 네트워크와 비교해 보세요.",
      en: "More participants do not split the work: every one of them checks the same ledger and must receive the same blocks. As in the 'Proof of work and forks' lesson, getting countless strangers to agree takes time. Compare that with a network whose members are known in advance.",
    },
  },
  {
    id: "q4",
    title: { ko: "q4. 예시 짝짓기", en: "q4. Matching examples" },
    letters: "abcd",
    answer: "c",
    why: {
      ko: "전략의 표는 비트코인과 이더리움을 퍼블릭의 예로, R3의 코다(금융)와 리눅스 재단의 하이퍼레저(범용)를 프라이빗의 예로 듭니다. 보기의 두 이름이 각각 어느 쪽인지, 순서가 맞는지 확인하세요.",
      en: "The strategy's table gives Bitcoin and Ethereum as public examples, and R3's Corda (finance) and the Linux Foundation's Hyperledger (general purpose) as private ones. Check which side each name belongs to, and the order.",
    },
  },
  {
    id: "q5",
    title: { ko: "q5. 온라인 투표 시범사업", en: "q5. The online voting pilot" },
    letters: "abcd",
    answer: "d",
    why: {
      ko: "전략은 이 사업에서 후보자와 참관인 같은 이해관계자가 투개표 과정과 결과를 직접 검증할 수 있다고 설명합니다. 검증하는 사람이 익명의 누구나인지, 미리 정해진 사람들인지 생각해 보세요. 허가형이라고 해서 장부를 고칠 수 있는 것도 아닙니다.",
      en: "The strategy says stakeholders such as candidates and observers can check the voting and counting themselves. Ask whether the checkers are anonymous strangers or people known in advance. Being permissioned does not make the ledger editable either.",
    },
  },
  {
    id: "q6",
    title: { ko: "q6. 구성원마다 다른 권한", en: "q6. Different rights per member" },
    letters: "abcd",
    answer: "a",
    why: {
      ko: "전략의 비교표에서 프라이빗 블록체인의 '권한' 칸은 '구성원에 따라 사용 가능한 권한 지정 가능'입니다. 퍼블릭 블록체인은 모든 참여자가 같은 권한을 가집니다. 누가 검증하고 누가 읽기만 하는지 정해 두는 쪽이 어디인지 생각해 보세요.",
      en: "In the strategy's table the 'rights' row for private blockchains reads 'rights can be assigned per member', while on a public blockchain every participant has the same rights. Which kind decides in advance who validates and who only reads?",
    },
  },
]

function checkQuestion(q: Question): (t: GraderContext) => Promise<void> {
  return async (t: GraderContext) => {
    // t.choice reads 'b', 'B', '(b)', 'b)', 'b.', 'b. text' and the key 'Q1' for 'q1'; it fails the
    // check itself (quiz.no-answer, quiz.not-a-choice) when there is no single choice letter.
    const letter = await t.choice(q.id, q.letters)
    t.expect(letter === q.answer, 'wrong-answer', {
      ko: `${q.id}: ${letter}은(는) 맞지 않습니다. ${q.why.ko}`,
      en: `${q.id}: ${letter} is not right. ${q.why.en}`,
    })
  }
}

export default function grade(g: Grader): void {
  for (const q of QUESTIONS) g.check(q.id, q.title, checkQuestion(q))
}
