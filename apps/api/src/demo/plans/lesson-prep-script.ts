import { LessonPlanKind, PLAN_FIELDS } from '#app/lesson-prep';
import { RECORDED_UNTIL, at, chinaInstant, dayOf } from './calendar';
import { demoId } from './kit';
import { Actor, AdoptionHandle, CommentHandle, CommentInput, LessonPrepScript, PlanHandle, PlanText, PrepStep, TeamHandle, UpdatePlanInput } from './lesson-prep';
import { GroupPlan, TeacherPlan } from './organisation';

/**
 * Writes the demo's lesson preparation as the calls the story makes to the services (TeamsService,
 * LessonPlansService, PlanCommentsService, PlanAdoptionsService), each at its own instant, with the deterministic
 * ids of what it creates. It knows no rule: the services decide when the steps are played (steps/lesson-prep.ts),
 * so the demo cannot show what the platform does not allow. It keeps only what the chapters read back: the
 * current text and version of each plan.
 */
export class PrepScript {
  readonly out: LessonPrepScript = { steps: [], teams: [], plans: [], comments: [], adoptions: [], revisions: 0 };
  /** every version's text, per plan (an adaptation copies the published one) */
  private readonly texts = new Map<string, PlanText[]>();
  private readonly published = new Map<string, number>();
  private readonly commentsOf = new Map<string, number>();

  /** `as(teacher)`: the teacher as an actor (with their demo account, if any). */
  constructor(private readonly as: (t: TeacherPlan) => Actor) {}

  private add(step: PrepStep): void {
    if (dayOf(step.at) > RECORDED_UNTIL) throw new Error(`demo plan: lesson preparation: ${step.do} at ${step.at} is after the recorded period`);
    this.out.steps.push(step);
  }

  private text(plan: PlanText): PlanText {
    return PLAN_FIELDS.reduce((o, f) => ({ ...o, [f]: plan[f] }), {} as PlanText);
  }

  private newVersion(plan: PlanHandle): void {
    this.texts.set(plan.id, [...(this.texts.get(plan.id) ?? []), this.text(plan)]);
    this.out.revisions++;
  }

  /** createLessonPrepTeam by a manager of the group (the demo's manager account, or a principal built for one), then membership changes by the leader. */
  team(spec: {
    group: GroupPlan;
    name: string;
    subject: string;
    grade: string;
    formed: string;
    createdBy: string | null;
    leader: TeacherPlan;
    reviewer?: TeacherPlan;
    /** The leader first; [teacher, joined, left?]: those who joined when it was formed are its first members. */
    members: ReadonlyArray<readonly [TeacherPlan, string, string?]>;
  }): TeamHandle {
    const team: TeamHandle = { id: demoId(`lesson-team:${spec.group.name}:${spec.name}`), groupId: spec.group.id, name: spec.name };
    const memberId = (t: TeacherPlan, joined: string) => demoId(`lesson-team-member:${team.id}:${t.id}:${joined}`);
    const first = spec.members.filter(([, joined]) => joined === spec.formed);
    this.add({
      at: at(spec.formed),
      by: { teacher: null, userId: spec.createdBy, manages: spec.group.id },
      do: 'formTeam',
      teamId: team.id,
      memberIds: first.map(([t]) => memberId(t, spec.formed)),
      input: {
        groupId: spec.group.id,
        name: spec.name,
        subject: spec.subject,
        grade: spec.grade,
        leaderTeacherId: spec.leader.id,
        memberTeacherIds: first.map(([t]) => t.id).filter((id) => id !== spec.leader.id),
        ...(spec.reviewer ? { reviewerTeacherId: spec.reviewer.id } : {}),
      },
    });
    const leader = this.as(spec.leader); // who changes the team's members
    for (const [t, joined, left] of spec.members) {
      if (joined !== spec.formed) this.add({ at: at(joined), by: leader, do: 'addMember', teamId: team.id, teacherId: t.id, memberId: memberId(t, joined) });
      if (left) this.add({ at: at(left), by: leader, do: 'removeMember', teamId: team.id, teacherId: t.id });
    }
    this.out.teams.push(team);
    return team;
  }

  /** createLessonPlan: version 1 of a team plan, by a member; the main preparer (主备) is `preparer`. */
  create(key: string, team: TeamHandle, when: string, by: Actor, text: PlanText, preparer: TeacherPlan | null = by.teacher): PlanHandle {
    const plan: PlanHandle = { ...text, id: demoId(`lesson-plan:${key}`), key, kind: LessonPlanKind.TEAM, teamId: team.id, sourcePlanId: null, version: 1 };
    const { title, unit, objectives, keyPoints, content, resources } = text;
    this.add({
      at: at(when),
      by,
      do: 'create',
      planId: plan.id,
      input: { teamId: team.id, title, content, resources, ...(unit === null ? {} : { unit }), ...(objectives === null ? {} : { objectives }), ...(keyPoints === null ? {} : { keyPoints }), ...(preparer ? { mainPreparerTeacherId: preparer.id } : {}) },
    });
    this.out.plans.push(plan);
    this.newVersion(plan);
    return plan;
  }

  /** updateLessonPlan: the fields `change` gives, as the next version, with a note. */
  update(plan: PlanHandle, when: string, by: Actor, change: (p: PlanText) => Partial<PlanText>, note: string): PlanHandle {
    const fields = change(this.text(plan));
    this.add({ at: at(when), by, do: 'update', planId: plan.id, expectedVersion: plan.version, input: { ...(fields as UpdatePlanInput), note } });
    Object.assign(plan, fields, { version: plan.version + 1 });
    this.newVersion(plan);
    return plan;
  }

  submit(plan: PlanHandle, when: string, by: Actor): PlanHandle {
    this.add({ at: at(when), by, do: 'submit', planId: plan.id });
    return plan;
  }

  review(plan: PlanHandle, when: string, by: Actor, approve: boolean, note: string | null = null): PlanHandle {
    this.add({ at: at(when), by, do: 'review', planId: plan.id, approve, note });
    return plan;
  }

  publish(plan: PlanHandle, when: string, by: Actor): PlanHandle {
    this.add({ at: at(when), by, do: 'publish', planId: plan.id });
    this.published.set(plan.id, plan.version);
    return plan;
  }

  archive(plan: PlanHandle, when: string, by: Actor): PlanHandle {
    this.add({ at: at(when), by, do: 'archive', planId: plan.id });
    return plan;
  }

  /** adaptLessonPlan (二次备课): the owner's copy of the version published last. */
  adapt(key: string, source: PlanHandle, when: string, owner: Actor): PlanHandle {
    const from = this.texts.get(source.id)?.[(this.published.get(source.id) ?? 0) - 1] ?? source;
    const plan: PlanHandle = { ...this.text(from), id: demoId(`lesson-plan:${key}`), key, kind: LessonPlanKind.ADAPTATION, teamId: null, sourcePlanId: source.id, version: 1 };
    this.add({ at: at(when), by: owner, do: 'adapt', sourceId: source.id, planId: plan.id });
    this.out.plans.push(plan);
    this.newVersion(plan);
    return plan;
  }

  /** commentOnLessonPlan: on a version, anchored to a section or content lines, or a reply to a thread's first comment. */
  comment(plan: PlanHandle, when: string, by: Actor, version: number, text: string, o: { anchor?: CommentInput['anchor']; replyTo?: CommentHandle } = {}): CommentHandle {
    const n = this.commentsOf.get(plan.id) ?? 0;
    this.commentsOf.set(plan.id, n + 1);
    const comment: CommentHandle = { id: demoId(`lesson-comment:${plan.key}:${n}`), planId: plan.id, version };
    const input: CommentInput = { planId: plan.id, version, text, ...(o.anchor ? { anchor: o.anchor } : {}), ...(o.replyTo ? { parentId: o.replyTo.id } : {}) };
    this.add({ at: at(when), by, do: 'comment', commentId: comment.id, input });
    this.out.comments.push(comment);
    return comment;
  }

  resolve(plan: PlanHandle, comment: CommentHandle, when: string, by: Actor): CommentHandle {
    this.add({ at: at(when), by, do: 'resolve', commentId: comment.id });
    return comment;
  }

  /**
   * recordLessonPlanAdoption (同上课), recorded by the teacher who taught it at their school, in the evening of the day
   * they taught it: the published team plan, or their adaptation of it.
   */
  adopt(plan: PlanHandle, taughtOn: string, teacher: TeacherPlan, className: string, reflection: string): AdoptionHandle {
    const source = plan.kind === LessonPlanKind.ADAPTATION ? this.out.plans.find((p) => p.id === plan.sourcePlanId)! : plan;
    const adoption: AdoptionHandle = {
      id: demoId(`lesson-adoption:${source.key}:${teacher.id}:${taughtOn}:${className}`),
      planId: source.id,
      adaptationId: plan === source ? null : plan.id,
      schoolId: teacher.schoolId,
    };
    const recordedAt = chinaInstant(taughtOn, 17 * 60 + 30 + (this.out.adoptions.length % 120));
    this.add({ at: recordedAt, by: this.as(teacher), do: 'adopt', adoptionId: adoption.id, input: { planId: plan.id, schoolId: teacher.schoolId, teacherId: teacher.id, taughtOn, className, reflection } });
    this.out.adoptions.push(adoption);
    return adoption;
  }
}
