/**
 * Every user-facing string of the app, in Korean and English (vue-i18n messages). A test keeps
 * the two languages' keys identical.
 *
 * @module
 */
import { historyMessages } from '../history/historyMessages.ts'
import { projectMessages } from '../project/projectMessages.ts'
import { consoleMessages } from './consoleMessages.ts'
import { playerMessages } from './playerMessages.ts'

const en = {
  app: {
    title: 'Blockchain Playground',
    tagline: 'Learn blockchain by doing',
    skipToContent: 'Skip to content',
  },
  settings: {
    language: 'Language',
    korean: '한국어',
    english: 'English',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    switchToLight: 'Switch to the light theme',
    switchToDark: 'Switch to the dark theme',
  },
  home: {
    intro: 'Pick a track and start with its first lesson. Everything runs on this computer, offline.',
    lessons: '{count} lessons',
    totalMinutes: 'about {minutes} min',
    minutes: '{minutes} min',
    lessonNumber: 'Lesson {order}',
  },
  lesson: {
    back: '← All lessons',
    minutes: 'about {minutes} min',
    objectives: 'Objectives',
    instructions: 'Instructions',
    comingSoon: 'The editor and grading arrive on this page in the next version. Today you can use the terminal:',
    notFound: 'There is no lesson "{id}".',
    backHome: 'Home',
    track: '{track} track',
  },
  ...consoleMessages.en,
}

export type MessageSchema = typeof en

/** Typed as the English messages: a missing or extra key does not compile. */
const ko: MessageSchema = {
  app: {
    title: '블록체인 놀이터',
    tagline: '직접 해 보며 배우는 블록체인',
    skipToContent: '본문으로 건너뛰기',
  },
  settings: {
    language: '언어',
    korean: '한국어',
    english: 'English',
    theme: '테마',
    light: '밝게',
    dark: '어둡게',
    switchToLight: '밝은 테마로 바꾸기',
    switchToDark: '어두운 테마로 바꾸기',
  },
  home: {
    intro: '트랙을 고르고 첫 레슨부터 시작해 보세요. 모든 것이 이 컴퓨터 안에서, 오프라인으로 돌아갑니다.',
    lessons: '레슨 {count}개',
    totalMinutes: '약 {minutes}분',
    minutes: '{minutes}분',
    lessonNumber: '레슨 {order}',
  },
  lesson: {
    back: '← 모든 레슨',
    minutes: '약 {minutes}분',
    objectives: '학습 목표',
    instructions: '설명',
    comingSoon: '편집기와 채점은 다음 버전에서 이 화면에 들어옵니다. 지금은 터미널에서 할 수 있습니다:',
    notFound: '"{id}" 레슨을 찾을 수 없습니다.',
    backHome: '처음으로',
    track: '{track} 트랙',
  },
  ...consoleMessages.ko,
}

export const messages = {
  ko: { ...ko, ...playerMessages.ko, history: historyMessages.ko, project: projectMessages.ko },
  en: { ...en, ...playerMessages.en, history: historyMessages.en, project: projectMessages.en },
}
