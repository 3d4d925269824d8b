/**
 * Strings of the console page (the terminal's own output is in app/renderer/src/console/).
 *
 * @module
 */

const en = {
  console: {
    nav: 'Console',
    title: 'Console',
    intro: 'Drive a simulated network with commands, or talk to a node with viem in JavaScript. Everything runs in this browser.',
    terminal: 'Console terminal',
    network: 'Network',
    noNetwork: 'No network yet. Type preset dev or preset pow-lan.',
    preset: 'Preset',
    simTime: 'Simulated time',
    blocks: 'Blocks',
    finalized: 'Finalized height',
    partitioned: 'Partitioned',
    yes: 'yes',
    no: 'no',
    node: 'Node',
    height: 'Height',
    status: 'Status',
    seconds: '{n} s',
    hint: 'Updated about four times a second from the simulator worker.',
  },
}

const ko: typeof en = {
  console: {
    nav: '콘솔',
    title: '콘솔',
    intro: '명령으로 시뮬레이션 네트워크를 움직이거나, 자바스크립트에서 viem으로 노드와 대화해 보세요. 모든 것이 이 브라우저 안에서 돌아갑니다.',
    terminal: '콘솔 터미널',
    network: '네트워크',
    noNetwork: '아직 네트워크가 없습니다. preset dev 또는 preset pow-lan을 입력하세요.',
    preset: '프리셋',
    simTime: '시뮬레이션 시간',
    blocks: '블록',
    finalized: '확정 높이',
    partitioned: '분할',
    yes: '예',
    no: '아니요',
    node: '노드',
    height: '높이',
    status: '상태',
    seconds: '{n}초',
    hint: '시뮬레이터 워커에서 1초에 네 번쯤 새로 받습니다.',
  },
}

export const consoleMessages = { ko, en }
