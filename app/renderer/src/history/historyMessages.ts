/**
 * The history panel's words (merged into the app's vue-i18n messages).
 *
 * @module
 */
export const historyMessages = {
  ko: {
    title: '기록',
    intro: '채점할 때마다 코드가 한 버전으로 저장됩니다. 버전을 고르면 지금 코드와 무엇이 다른지 보이고, 그 버전으로 되돌릴 수 있습니다.',
    empty: '아직 저장된 버전이 없습니다. 채점하면 첫 버전이 생깁니다.',
    refresh: '새로고침',
    compare: '이 버전과 지금 코드의 차이',
    legend: '− 이 버전에만 있는 줄 · + 지금 코드에만 있는 줄',
    same: '이 버전은 지금 코드와 같습니다.',
    restore: '이 버전으로 되돌리기',
    confirmRestore: '지금 코드를 먼저 한 버전으로 저장한 뒤, 이 버전의 파일로 바꿉니다. 되돌릴까요?',
    confirmYes: '되돌리기',
    confirmNo: '취소',
    restored: '되돌렸습니다. 이전 코드도 기록에 남아 있습니다.',
    added: '지금 코드에만 있는 파일',
    removed: '이 버전에만 있는 파일',
    modified: '바뀐 파일',
    binary: '텍스트가 아닌 파일이라 줄 단위 차이를 보여 줄 수 없습니다.',
    passed: '통과',
    current: '최신',
    failed: '기록을 읽지 못했습니다: {error}',
  },
  en: {
    title: 'History',
    intro: 'Every grading saves your code as a version. Pick one to see how it differs from your code now, and restore it if you like.',
    empty: 'No saved versions yet. Grading makes the first one.',
    refresh: 'Refresh',
    compare: 'This version compared with your code now',
    legend: '− only in this version · + only in your code now',
    same: 'This version is the same as your code now.',
    restore: 'Restore this version',
    confirmRestore: 'Your current code is saved as a version first, then replaced by the files of this one. Restore it?',
    confirmYes: 'Restore',
    confirmNo: 'Cancel',
    restored: 'Restored. Your previous code is still in the history.',
    added: 'only in your code now',
    removed: 'only in this version',
    modified: 'changed',
    binary: 'Not a text file: no line-by-line difference to show.',
    passed: 'passed',
    current: 'latest',
    failed: 'Could not read the history: {error}',
  },
}
