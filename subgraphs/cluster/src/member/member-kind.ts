/** The helix kinds are the network's: the network subgraph takes them in consortium roles too. */
export { COMPANY_KINDS, MEMBER_KINDS, MemberKind } from '../../../../shared/member-kind';
