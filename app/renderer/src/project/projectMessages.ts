/**
 * The console page's project words (merged into the app's vue-i18n messages).
 *
 * @module
 */
export const projectMessages = {
  ko: {
    title: '프로젝트 파일',
    intro: '여기에 쓴 솔리디티는 콘솔의 deploy로 배포합니다(예: deploy Counter.sol Counter 5). 입력하는 대로 저장되고, "버전 저장"을 누르면 기록에 남습니다.',
    saved: '저장됨',
    saving: '저장 중…',
    saveFailed: '저장하지 못했습니다: {reason}',
    newFileLabel: '새 파일 이름',
    newFilePlaceholder: '새 파일 이름 (예: MyToken.sol)',
    addFile: '파일 추가',
    saveVersion: '버전 저장',
    history: '프로젝트 기록',
    historyIntro: '"버전 저장"을 누를 때마다 파일이 한 버전으로 저장됩니다. 버전을 고르면 지금 파일과 무엇이 다른지 보이고, 그 버전으로 되돌릴 수 있습니다.',
  },
  en: {
    title: 'Project files',
    intro: 'Solidity written here is what the console deploys (e.g. deploy Counter.sol Counter 5). It is saved as you type; "Save version" keeps a version in the history.',
    saved: 'Saved',
    saving: 'Saving…',
    saveFailed: 'Could not save: {reason}',
    newFileLabel: 'New file name',
    newFilePlaceholder: 'New file name (e.g. MyToken.sol)',
    addFile: 'Add file',
    saveVersion: 'Save version',
    history: 'Project history',
    historyIntro: 'Every "Save version" keeps the files as a version. Pick one to see how it differs from your files now, and restore it if you like.',
  },
}
