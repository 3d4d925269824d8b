// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// An election run by one administrator: they register candidates and voters;
/// each registered voter votes once; anyone can read the tally.
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
    function addCandidate(string calldata name) external {
        candidates.push(Candidate(name, 0));
    }

    // TODO 2: only the administrator may register voters
    function registerVoter(address voter) external {
        isRegistered[voter] = true;
    }

    function vote(uint256 candidateId) external {
        // TODO 3: revert when voting is closed
        // TODO 4: revert when the caller is not a registered voter
        // TODO 5: revert when the caller has already voted, and remember that they have now
        // TODO 6: revert when candidateId is not an existing candidate
        candidates[candidateId].votes += 1;
    }

    // TODO 7: only the administrator may close the vote; after that vote() must revert
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
