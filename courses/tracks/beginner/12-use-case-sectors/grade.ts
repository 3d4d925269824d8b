import type { Grader, GraderContext, Text } from '@playground/grader'

/**
 * Grades the quiz matching real pilots and cases to the six sectors named in Korea's 2018 blockchain strategy.
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
    title: { ko: "q1. 교보생명 실손보험금 자동 청구", en: "q1. Kyobo Life's automatic insurance claims" },
    letters: "abcdef",
    answer: "a",
    why: {
      ko: "병원 기록이 오가긴 하지만, 이 서비스가 바꾸는 것은 보험금을 청구하고 지급하는 절차입니다. 전략은 비상장 주식 거래와 함께 이 사례를 어떤 기관(제3의 신뢰기관)의 역할 변화로 설명했는지 README의 분야 표를 보세요.",
      en: "Hospital records do travel, but what the service changes is how an insurance payout is claimed and paid. Check the README's sector table: the strategy puts this case next to unlisted-share trading, as a change in the role of which kind of trusted third party?",
    },
  },
  {
    id: "q2",
    title: { ko: "q2. Ujo Music과 이모전 힙", en: "q2. Ujo Music and Imogen Heap" },
    letters: "abcdef",
    answer: "c",
    why: {
      ko: "돈이 오가는 모든 사례가 금융은 아닙니다. 이 사례에서 거래되는 자산이 무엇인지, 저작권자와 실연자의 몫이 어떻게 달라지는지 생각해 보세요. 음원 유통과 사진 저작권 관리가 같은 분야에 들어 있습니다.",
      en: "Not every case where money moves is finance. Think about what asset is traded here, and how the shares of songwriters and performers change. Music distribution and photo copyright management belong to the same sector.",
    },
  },
  {
    id: "q3",
    title: { ko: "q3. 관세청 개인통관", en: "q3. Customs clearance for online imports" },
    letters: "abcdef",
    answer: "e",
    why: {
      ko: "관세청은 공공기관이지만, 분야는 운영 주체가 아니라 무엇이 흐르는지로 나눕니다. 이 사례에서 추적하는 것이 무엇인지(주문된 물품이 쇼핑몰에서 특송업체를 거쳐 통관되는 흐름) 생각해 보세요. 전략은 다이아몬드 유통도 같은 분야에 넣었습니다.",
      en: "The customs service is a public body, but sectors are about what flows, not who runs it. Think about what this case tracks: ordered goods moving from the shop through the carrier to clearance. The strategy puts diamond distribution in the same sector.",
    },
  },
  {
    id: "q4",
    title: { ko: "q4. 네덜란드 꺼블마을", en: "q4. De Ceuvel in Amsterdam" },
    letters: "abcdef",
    answer: "f",
    why: {
      ko: "코인으로 정산한다고 해서 금융 사례가 되지는 않습니다. 이웃끼리 실제로 주고받는 것이 무엇인지 보세요. 한전의 이웃 간 전력 거래, 전기자동차 충전도 같은 분야입니다.",
      en: "Settling in a coin does not make it a finance case. Look at what the neighbours actually exchange. KEPCO's neighbour-to-neighbour power trading and EV charging belong to the same sector.",
    },
  },
  {
    id: "q5",
    title: { ko: "q5. 선관위 온라인 투표", en: "q5. The election commission's online voting" },
    letters: "abcdef",
    answer: "d",
    why: {
      ko: "선거는 물건이나 돈이 아니라 행정 서비스에 대한 신뢰의 문제입니다. 전략이 전자증명서 유통과 함께 묶은 분야, 즉 '공공서비스의 편의성과 신뢰성'을 다루는 분야가 무엇인지 README의 표를 보세요.",
      en: "An election is not about goods or money but about trust in a government service. See which sector in the README's table the strategy pairs with electronic certificates: the one about making public services convenient and trustworthy.",
    },
  },
  {
    id: "q6",
    title: { ko: "q6. 내가 관리하는 의료정보", en: "q6. Medical records I manage myself" },
    letters: "abcdef",
    answer: "b",
    why: {
      ko: "q1과 달리 여기에는 보험금도 돈도 오가지 않습니다. 환자가 무엇의 주인이 되는지, 전략이 '개인의 ○○ 주권'이라고 부른 것이 무엇인지 생각해 보세요. 유전체 정보 공유도 같은 분야입니다.",
      en: "Unlike q1, no insurance payout or money changes hands here. Think about what the patient comes to own, and what the strategy calls 'personal sovereignty over …'. Sharing genome data belongs to the same sector.",
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
