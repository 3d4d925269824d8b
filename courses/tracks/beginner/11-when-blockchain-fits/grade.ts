import type { Grader, GraderContext, Text } from '@playground/grader'

/**
 * Grades the quiz on when a blockchain fits a problem and when it does not.
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
    title: { ko: "q1. 블록체인이 장점을 내는 네 가지 요소", en: "q1. The four elements where a blockchain pays off" },
    letters: "abcd",
    answer: "c",
    why: {
      ko: "전략은 기술 부품이 아니라 업무의 모양을 봅니다. 금융·콘텐츠·물품 같은 유무형의 무엇을, 소유자·중개인·관리자 같은 누가, 기록·이동·확인하는 어떤 일로 다루고, 그 내역을 어떻게 하는지 README의 네 칸 표를 다시 보세요.",
      en: "The strategy looks at the shape of the work, not at technical parts. Look again at the README's four-column table: what (tangible or intangible things such as money, content or goods), who (owners, brokers, managers), what they do with it (record, move, check), and what happens to the history.",
    },
  },
  {
    id: "q2",
    title: { ko: "q2. 동네 빵집의 재고 장부", en: "q2. A bakery's stock ledger" },
    letters: "abcd",
    answer: "b",
    why: {
      ko: "블록체인은 여러 참여자가 한 운영자를 믿지 않고도 같은 기록에 합의하게 해 줍니다. 이 장부를 쓰고 믿어야 하는 사람이 몇 명인지 세어 보세요. 합의할 상대가 없으면 합의 비용은 쓸모없는 짐이 됩니다.",
      en: "A blockchain lets several parties agree on one record without trusting a single operator. Count how many people write and rely on this ledger. With nobody to agree with, the cost of consensus is dead weight.",
    },
  },
  {
    id: "q3",
    title: { ko: "q3. 소고기 이력 추적", en: "q3. Tracing beef" },
    letters: "abcd",
    answer: "a",
    why: {
      ko: "자산은 디지털일 필요가 없습니다. 전략은 물품 같은 유형 자산도 포함합니다. 이 사업에 참여하는 회사가 몇 곳인지, 각자 남긴 기록을 서로 믿을 수 있어야 하는지 생각해 보세요. 실제 시범사업은 추적 시간을 10분 이내로 줄이는 것이 목표였습니다.",
      en: "An asset need not be digital: the strategy includes goods and other tangible assets. Think about how many companies take part and whether each must be able to trust the others' records. The real pilot aimed to cut tracing to under 10 minutes.",
    },
  },
  {
    id: "q4",
    title: { ko: "q4. 사내 식당 메뉴", en: "q4. A staff canteen's menu" },
    letters: "abcd",
    answer: "d",
    why: {
      ko: "q1의 네 가지 요소를 이 상황에 하나씩 대어 보세요. 기록하는 쪽은 몇 곳이고, 읽는 사람들이 그 한 곳을 믿지 못할 까닭이 있나요? 위변조를 막는 것은 서로 믿지 못하는 참여자가 여럿일 때 의미가 있습니다.",
      en: "Hold q1's four elements up to this case one by one. How many parties write the record, and do the readers have any reason to distrust that one writer? Tamper resistance matters when several parties do not trust each other.",
    },
  },
  {
    id: "q5",
    title: { ko: "q5. 도입할 때 가장 중요한 것", en: "q5. What matters most when adopting one" },
    letters: "abcd",
    answer: "b",
    why: {
      ko: "기술은 합의 알고리즘이 해결하지만, 누가 노드를 운영하고 어떤 절차로 기록할지는 사람들이 정해야 합니다. 전략은 국내 사업 대부분이 기술 검증(PoC)에 머문 까닭으로 무엇을 들었는지, 온두라스 토지대장 사업이 왜 멈췄는지 README에서 다시 보세요.",
      en: "Consensus algorithms solve the technical part, but people must decide who runs the nodes and how records are made. See in the README why the strategy says most Korean projects stalled at proof of concept, and why the Honduras land registry project stopped.",
    },
  },
  {
    id: "q6",
    title: { ko: "q6. 경제적 효과가 큰 경우", en: "q6. When the economic effect is largest" },
    letters: "abcd",
    answer: "c",
    why: {
      ko: "이미 잘 돌아가는 시스템을 바꾸려면 옮기는 비용이 듭니다. 기록을 공유해야 하는 곳이 많을수록 중앙 관리 비용을 아끼는 효과도 커집니다. 전략이 '신규 구축'과 '여러 지역' 가운데 어느 쪽을 높이 쳤는지 떠올려 보세요.",
      en: "Replacing a system that already works carries the cost of switching, and the more places must share records, the more a shared ledger saves on central management. Recall which the strategy rated higher: new builds or existing systems, many regions or one place.",
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
