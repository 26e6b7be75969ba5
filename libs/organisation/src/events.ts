import type { ConsortiumMode, GroupKind, GroupLevel, SchoolStage } from './enums';

/** The facts of a school that figures depend on (coverage, compulsory totals). */
export interface SchoolFacts {
  id: string;
  regionId: string;
  stage: SchoolStage;
  studentCount: number;
}

/** A school joined (membership.added, on = joinedOn) or left (membership.removed, on = leftOn) a group. */
export interface MembershipFact {
  groupId: string;
  schoolId: string;
  kind: GroupKind;
  on: string;
}

/** A group's mode and level (its profile) from a day on. */
export interface GroupProfileFact {
  mode: ConsortiumMode | null;
  level: GroupLevel | null;
}

// The organisation's domain events (see EventBus).
declare module '../../core/src/events/event-bus' {
  interface DomainEventMap {
    'organisation.school.created': { school: SchoolFacts };
    'organisation.school.changed': { before: SchoolFacts; after: SchoolFacts };
    'organisation.group.created': { groupId: string; regionId: string; kind: GroupKind; mode: ConsortiumMode | null; level: GroupLevel | null; foundedOn: string };
    'organisation.group.profileChanged': { groupId: string; regionId: string; kind: GroupKind; before: GroupProfileFact; after: GroupProfileFact; on: string };
    'organisation.group.dissolved': { groupId: string; regionId: string; kind: GroupKind; mode: ConsortiumMode | null; level: GroupLevel | null; on: string };
    'organisation.membership.added': MembershipFact;
    'organisation.membership.removed': MembershipFact;
    'organisation.teacher.transferred': { teacherId: string; fromSchoolId: string; toSchoolId: string; on: string };
  }
}
