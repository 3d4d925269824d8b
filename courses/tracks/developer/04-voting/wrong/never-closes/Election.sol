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

    event CandidateAdded(uint256 indexed candidateId, string name);
    event VoterRegistered(address indexed voter);
    event Voted(address indexed voter);
    event VotingClosed();

    modifier onlyAdmin() {
        require(msg.sender == admin, "Election: only the administrator");
        _;
    }

    constructor() {
        admin = msg.sender;
    }

    function addCandidate(string calldata name) external onlyAdmin {
        candidates.push(Candidate(name, 0));
        emit CandidateAdded(candidates.length - 1, name);
    }

    function registerVoter(address voter) external onlyAdmin {
        isRegistered[voter] = true;
        emit VoterRegistered(voter);
    }

    function vote(uint256 candidateId) external {
        require(isRegistered[msg.sender], "Election: not a registered voter");
        require(!hasVoted[msg.sender], "Election: already voted");
        require(candidateId < candidates.length, "Election: no such candidate");
        hasVoted[msg.sender] = true;
        candidates[candidateId].votes += 1;
        emit Voted(msg.sender);
    }

    function closeVoting() external onlyAdmin {
        open = false;
        emit VotingClosed();
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
