/**
 * Who may do what. A public network lets every node read, submit transactions and validate. A
 * permissioned network (a consortium) has a member registry: organisations, their nodes, and the
 * roles each organisation's nodes hold — `read` (follow the chain), `submit` (send transactions),
 * `validate` (vote and propose). The node layer and the protocols ask the registry; a refused
 * action is rejected with a reason in both languages, never silently dropped.
 *
 * Each node has an identity key: a modeled 32-byte public key derived from the seed and the node
 * id (signatures on consensus messages are modeled too; their cost is a protocol parameter).
 *
 * @module
 */
import { sha256Hex } from '../crypto/sha256.ts'
import { InvalidFieldError } from '../errors/input.ts'
import { expectChoice, expectInteger, expectKnownKeys, expectRecord, expectString } from '../sim/validate.ts'

export const ROLES = ['read', 'submit', 'validate'] as const
export type Role = (typeof ROLES)[number]

export interface OrganisationConfig {
  name: string
  nodes: number[]
  roles: Role[]
}

export interface MembersConfig {
  organisations: OrganisationConfig[]
}

export interface MemberIdentity {
  node: number
  /** Modeled identity key (hex). */
  publicKey: string
  organisation: string | null
  roles: Role[]
}

export interface MemberRegistry {
  readonly permissioned: boolean
  can(node: number, role: Role): boolean
  /** Nodes with the `validate` role, ascending (a public network: every initial node). */
  readonly validators: readonly number[]
  identity(node: number): MemberIdentity
  /** Registers a node added while running (public: every role; permissioned: `read` only unless an organisation is named). */
  addNode(node: number, organisation?: string | undefined): void
}

/**
 * Validates `input` as a member registry for `nodes` nodes.
 * @throws {@link InvalidFieldError} naming the first bad field.
 */
export function parseMembersConfig(input: unknown, nodes: number): MembersConfig {
  const m = expectRecord(input, 'config.members')
  expectKnownKeys(m, 'config.members', ['organisations'])
  if (!Array.isArray(m.organisations) || m.organisations.length === 0) {
    throw new InvalidFieldError({ field: 'config.members.organisations', expected: { en: 'a non-empty array of organisations', ko: '조직이 하나 이상 든 배열' }, got: m.organisations })
  }
  const seen = new Map<number, string>()
  const names = new Set<string>()
  const organisations = m.organisations.map((entry, i) => {
    const field = `config.members.organisations[${i}]`
    const o = expectRecord(entry, field)
    expectKnownKeys(o, field, ['name', 'nodes', 'roles'])
    const name = expectString(o.name, `${field}.name`, 100)
    if (names.has(name)) throw new InvalidFieldError({ field: `${field}.name`, expected: { en: 'a name not used by another organisation', ko: '다른 조직이 쓰지 않는 이름' }, got: name })
    names.add(name)
    if (!Array.isArray(o.nodes)) throw new InvalidFieldError({ field: `${field}.nodes`, expected: { en: 'an array of node ids', ko: '노드 번호의 배열' }, got: o.nodes })
    const orgNodes = o.nodes.map((n, j) => {
      const id = expectInteger(n, `${field}.nodes[${j}]`, 0, nodes - 1)
      const other = seen.get(id)
      if (other !== undefined) {
        throw new InvalidFieldError({ field: `${field}.nodes[${j}]`, expected: { en: `a node not already in organisation "${other}"`, ko: `이미 조직 "${other}"에 속하지 않은 노드` }, got: id })
      }
      seen.set(id, name)
      return id
    })
    if (!Array.isArray(o.roles)) throw new InvalidFieldError({ field: `${field}.roles`, expected: { en: 'an array of roles', ko: '역할의 배열' }, got: o.roles, choices: ROLES })
    const roles = o.roles.map((r, j) => expectChoice(r, `${field}.roles[${j}]`, ROLES))
    return { name, nodes: orgNodes, roles: [...new Set(roles)] }
  })
  return { organisations }
}

/**
 * @example
 * const members = createMemberRegistry({ organisations: [{ name: 'bank-a', nodes: [0, 1], roles: ['read', 'submit', 'validate'] }] }, 3, 1)
 * members.can(2, 'submit') // false: node 2 belongs to no organisation
 */
export function createMemberRegistry(config: MembersConfig | undefined, nodes: number, seed: number): MemberRegistry {
  const orgOf = new Map<number, OrganisationConfig>()
  for (const org of config?.organisations ?? []) for (const n of org.nodes) orgOf.set(n, org)
  const extraOrg = new Map<number, OrganisationConfig>()
  const permissioned = config !== undefined
  const validators: number[] = []
  for (let n = 0; n < nodes; n++) if (!permissioned || orgOf.get(n)?.roles.includes('validate')) validators.push(n)

  const rolesOf = (node: number): readonly Role[] => {
    if (!permissioned) return ROLES
    return (orgOf.get(node) ?? extraOrg.get(node))?.roles ?? []
  }

  return {
    permissioned,
    can: (node, role) => rolesOf(node).includes(role),
    validators,
    identity(node) {
      const org = orgOf.get(node) ?? extraOrg.get(node)
      return {
        node,
        publicKey: sha256Hex(`blockchain-playground node key|${seed}|${node}`),
        organisation: permissioned ? (org?.name ?? null) : null,
        roles: [...rolesOf(node)],
      }
    },
    addNode(node, organisation) {
      if (!permissioned) return
      const org = config.organisations.find((o) => o.name === organisation)
      // A node joining a consortium mid-run may follow the chain; it does not vote (the validator
      // set changes only by governance, which the simulator does not model).
      extraOrg.set(node, { name: org?.name ?? '(guest)', nodes: [node], roles: org?.roles.includes('submit') ? ['read', 'submit'] : ['read'] })
    },
  }
}
