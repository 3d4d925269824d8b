/** A minimal valid course pack (in memory) and helpers to break it. */
export const LESSON_DIR = 'tracks/beginner/01-hello-chain'

export const COURSE_YAML = `id: blockchain-playground
title: { ko: 블록체인 놀이터, en: Blockchain Playground }
tracks:
  - { id: beginner, title: { ko: 입문, en: Beginner } }
  - { id: developer, title: { ko: 개발, en: Developer } }
  - { id: expert, title: { ko: 전문, en: Expert } }
`

export function lessonYaml(overrides: { id?: string; track?: string; order?: number; extra?: string; replace?: [string, string] } = {}): string {
  let text = `id: ${overrides.id ?? 'hello-chain'}
track: ${overrides.track ?? 'beginner'}
order: ${overrides.order ?? 1}
title:
  ko: 안녕, 체인
  en: Hello, chain
minutes: 15
objectives:
  ko: [블록이 무엇인지 말할 수 있다]
  en: [Say what a block is]
network: pow-lan
solc: ^0.8.20
evm: cancun
files: [contracts/Hello.sol]
hints:
  - ko: 블록 번호를 보세요.
    en: Look at the block number.
  - ko: eth_blockNumber를 호출하세요.
    en: Call eth_blockNumber.
solutionPolicy: afterPass
${overrides.extra ?? ''}`
  if (overrides.replace) text = text.replace(overrides.replace[0], overrides.replace[1])
  return text
}

export function lessonFiles(dir: string, yaml: string): Record<string, string> {
  return {
    [`${dir}/lesson.yaml`]: yaml,
    [`${dir}/README.ko.md`]: '# 안녕, 체인\n',
    [`${dir}/README.en.md`]: '# Hello, chain\n',
    [`${dir}/grade.ts`]: 'export default {}\n',
    [`${dir}/starter/contracts/Hello.sol`]: 'contract Hello {}\n',
    [`${dir}/solution/contracts/Hello.sol`]: 'contract Hello { function n() external view returns (uint) { return block.number; } }\n',
    [`${dir}/solutions/alt-assembly/contracts/Hello.sol`]: 'contract Hello { function n() external view returns (uint r) { assembly { r := number() } } }\n',
    [`${dir}/wrong/returns-zero/EXPECT_FAIL`]: 'returns-block-number\n',
    [`${dir}/wrong/returns-zero/contracts/Hello.sol`]: 'contract Hello { function n() external pure returns (uint) { return 0; } }\n',
    [`${dir}/wrong/no-function/EXPECT_FAIL`]: 'compiles-with-n\n',
    [`${dir}/wrong/no-function/contracts/Hello.sol`]: 'contract Hello {}\n',
  }
}

export function minimalPack(): Record<string, string> {
  return { 'course.yaml': COURSE_YAML, ...lessonFiles(LESSON_DIR, lessonYaml()) }
}

/** The minimal pack with lesson.yaml replaced. */
export function packWithLesson(yaml: string): Record<string, string> {
  return { ...minimalPack(), [`${LESSON_DIR}/lesson.yaml`]: yaml }
}
