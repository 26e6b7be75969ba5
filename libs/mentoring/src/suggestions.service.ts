import { Injectable } from '@nestjs/common';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { forbidden, notFound, type RequestContext } from '#app/core';
import { Directory, Teacher } from '#app/organisation';
import { optimalAssignment, type Edge } from './assignment';
import { MentoringService } from './mentoring.service';
import { isApprentice, scoreMentor, type MembershipFacts, type TeacherFacts } from './scoring';

@ObjectType({ description: 'A suggested mentor, with the score and its reasons' })
export class MentorSuggestion {
  @Field(() => Teacher) teacher: Teacher;
  @Field(() => Float) score: number;
  @Field(() => [String]) reasons: string[];
}

@ObjectType({ description: 'A suggested pair of an optimal assignment for the group (nothing is created)' })
export class PairSuggestion {
  @Field(() => Teacher) mentor: Teacher;
  @Field(() => Teacher) apprentice: Teacher;
  @Field() subject: string;
  @Field(() => Float) score: number;
  @Field(() => [String]) reasons: string[];
}

interface Candidate extends TeacherFacts {
  membership: MembershipFacts;
  free: number;
  entity: Teacher;
}

/** Explainable mentor matching (README "Mentoring and exchanges"). Read-only: it creates nothing. */
@Injectable()
export class SuggestionsService {
  constructor(private readonly mentoring: MentoringService) {}

  /** Teachers of the group's active member schools, with their school's role and pairing and free places. */
  private async candidates(ctx: RequestContext, groupId: string): Promise<Candidate[]> {
    const [group, teachers] = [await Directory.group(ctx, groupId), await Directory.teachersOfGroup(ctx, groupId)];
    if (!group) return [];
    const active = await this.mentoring.activeApprentices(
      ctx,
      groupId,
      teachers.map((x) => x.teacher.id),
    );
    return teachers.map(({ teacher, role, pairing }) => {
      const free = group.mentorCapacity - (active.get(teacher.id) ?? 0);
      return { ...teacher, membership: { role, pairing }, free, entity: teacher } as Candidate;
    });
  }

  async suggestMentors(ctx: RequestContext, groupId: string, apprenticeId: string, subject: string, first = 10): Promise<MentorSuggestion[]> {
    const manager = await this.mentoring.isManager(ctx, groupId);
    if (!manager && ctx.user.teacherId !== apprenticeId) throw forbidden({ zh: '师傅推荐仅供徒弟本人和共同体管理员查看', en: 'Mentor suggestions are for the apprentice and the group managers' });
    const all = await this.candidates(ctx, groupId);
    const apprentice = all.find((c) => c.id === apprenticeId);
    if (!apprentice) throw notFound('Teacher at an active member school of this group', apprenticeId);
    return all
      .map((m) => ({ m, s: scoreMentor(m, apprentice, subject, m.membership, apprentice.membership, m.free) }))
      .filter((x) => x.s)
      .sort((a, b) => b.s!.score - a.s!.score || a.m.name.localeCompare(b.m.name, 'zh') || a.m.id.localeCompare(b.m.id))
      .slice(0, Math.min(Math.max(first, 1), 50))
      .map((x) => ({ teacher: x.m.entity, score: x.s!.score, reasons: x.s!.reasons }));
  }

  /**
   * The group-wide assignment with the highest total score: each apprentice (new teachers and those in
   * their first three years) gets at most one mentor per subject, each mentor at most their free places.
   */
  async suggestPairs(ctx: RequestContext, groupId: string, subject?: string | null): Promise<PairSuggestion[]> {
    if (!(await this.mentoring.isManager(ctx, groupId))) throw forbidden({ zh: '结对推荐仅供共同体管理员查看', en: 'Pair suggestions are for the group managers' });
    const all = await this.candidates(ctx, groupId);
    const busy: { apprentice_teacher_id: string; subject: string }[] = await ctx.em.query(
      `SELECT apprentice_teacher_id, subject FROM mentoring_pair WHERE group_id = $1 AND status IN ('ACTIVE', 'PROPOSED')`,
      [groupId],
    );
    const taken = new Set(busy.map((b) => `${b.apprentice_teacher_id}|${b.subject}`));
    // an "apprentice slot" is an apprentice and one of their subjects still without a mentor
    const slots = all
      .filter(isApprentice)
      .flatMap((a) => a.subjects.filter((s) => !subject || s === subject).map((s) => ({ a, s })))
      .filter((x) => !taken.has(`${x.a.id}|${x.s}`));
    const mentors = all.filter((m) => m.free > 0 && !isApprentice(m));
    const edges: (Edge & { reasons: string[] })[] = [];
    mentors.forEach((m, mi) =>
      slots.forEach((slot, si) => {
        const scored = scoreMentor(m, slot.a, slot.s, m.membership, slot.a.membership, m.free);
        if (scored) edges.push({ mentor: mi, apprentice: si, score: scored.score, reasons: scored.reasons });
      }),
    );
    const chosen = optimalAssignment(mentors.length, slots.length, mentors.map((m) => m.free), edges) as (Edge & { reasons: string[] })[];
    return chosen
      .map((e) => ({ mentor: mentors[e.mentor].entity, apprentice: slots[e.apprentice].a.entity, subject: slots[e.apprentice].s, score: e.score, reasons: e.reasons }))
      .sort((a, b) => b.score - a.score || a.apprentice.name.localeCompare(b.apprentice.name, 'zh'));
  }
}
