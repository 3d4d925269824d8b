// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// An election run by one administrator: they register candidates and voters;
/// each registered voter votes once; anyone can read the tally.
/// 관리자 한 명이 운영하는 선거입니다. 관리자가 후보와 유권자를 등록하고,
/// 등록된 유권자는 한 번씩 투표하며, 누구나 개표 결과를 읽을 수 있습니다.
contract Election {
    struct Candidate {
        string name;
        uint256 votes;
    }

    address public admin;
    bool public open = true;
    Candidate[] private candidates;
    mapping(address => bool) public isRegistered;
    mapping(address => bool) public hasVoted;

    constructor() {
        admin = msg.sender;
    }

    // TODO 1: only the administrator may add candidates
    // TODO 1: 관리자만 후보를 추가할 수 있게 하세요
    function addCandidate(string calldata name) external {
        candidates.push(Candidate(name, 0));
    }

    // TODO 2: only the administrator may register voters
    // TODO 2: 관리자만 유권자를 등록할 수 있게 하세요
    function registerVoter(address voter) external {
        isRegistered[voter] = true;
    }

    function vote(uint256 candidateId) external {
        // TODO 3: revert when voting is closed
        // TODO 3: 투표가 마감되었으면 되돌리세요
        // TODO 4: revert when the caller is not a registered voter
        // TODO 4: 호출한 사람이 등록된 유권자가 아니면 되돌리세요
        // TODO 5: revert when the caller has already voted, and remember that they have now
        // TODO 5: 호출한 사람이 이미 투표했으면 되돌리고, 이제 투표했다는 것을 기록해 두세요
        // TODO 6: revert when candidateId is not an existing candidate
        // TODO 6: candidateId에 해당하는 후보가 없으면 되돌리세요
        candidates[candidateId].votes += 1;
    }

    // TODO 7: only the administrator may close the vote; after that vote() must revert
    // TODO 7: 관리자만 투표를 마감할 수 있게 하세요. 마감한 뒤에는 vote()가 되돌려져야 합니다
    function closeVoting() external {
    }

    function candidateCount() external view returns (uint256) {
        return candidates.length;
    }

    function candidateName(uint256 candidateId) external view returns (string memory) {
        return candidates[candidateId].name;
    }

    function votesFor(uint256 candidateId) external view returns (uint256) {
        return candidates[candidateId].votes;
    }
}
