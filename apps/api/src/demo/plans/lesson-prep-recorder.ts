import { changedFields, lineCount, PLAN_FIELDS } from '#app/lesson-prep';
import { LessonPlanStatus, LessonPlanSection, LessonPlanKind } from '#app/lesson-prep';
import { ExchangePlan } from './activity';
import { RECORDED_UNTIL, at, chinaInstant, dayOf, isSchoolDay } from './calendar';
import { demoId } from './kit';
import { Actor, AdoptionPlan, CommentPlan, LessonPlanPlan, LessonPrepPlan, PlanText, PrepTeamPlan, RevisionPlan } from './lesson-prep';
import { GroupPlan, TeacherPlan } from './organisation';
import { PlanIndex, currentMembers } from './plan-index';

/**
 * Plays the demo's lesson preparation through the rules of LessonPlansService and TeamsService (who may do what,
 * in which status, on which version) and records the rows the services would have written. A step the API
 * would refuse throws, so the demo cannot show what the platform does not allow.
 */
export class LessonPrepRecorder {
  readonly out: LessonPrepPlan = { teams: [], members: [], plans: [], revisions: [], comments: [], adoptions: [] };
  /** The latest instant something happened to a plan: steps come in order. */
  private readonly clock = new Map<string, string>();
  private readonly teamById = new Map<string, PrepTeamPlan>();

  constructor(
    private readonly ix: PlanIndex,
    private readonly exchanges: readonly ExchangePlan[],
  ) {}

  private fail(what: string): never {
    throw new Error(`demo plan: lesson preparation: ${what}`);
  }

  private step(plan: LessonPlanPlan, iso: string) {
    if (iso < (this.clock.get(plan.id) ?? '') || iso < plan.createdAt) this.fail(`steps of ${plan.title} out of order at ${iso}`);
    if (dayOf(iso) > RECORDED_UNTIL) this.fail(`${plan.title}: ${iso} is after the recorded period`);
    this.clock.set(plan.id, iso);
  }

  /** The teacher teaches `subject` at an active member school of the group on `day` (and had started there). */
  private inGroup(t: TeacherPlan, groupId: string, day: string, subject: string): boolean {
    return t.subjects.includes(subject) && currentMembers(this.ix, groupId, day).some((m) => m.schoolId === t.schoolId) && this.ix.currentFrom.get(t.id)! <= day;
  }

  private isMember(teamId: string, teacherId: string | undefined, iso: string): boolean {
    return this.out.members.some((m) => m.teamId === teamId && m.teacherId === teacherId && m.joinedAt <= iso && (m.leftAt === null || iso < m.leftAt));
  }

  /** Sees drafts, every revision and every comment: the team (members, the named reviewer) or an adaptation's owner. */
  private seesDrafts(plan: LessonPlanPlan, by: Actor, iso: string): boolean {
    const t = by.teacher;
    if (!t) return false;
    if (plan.kind === LessonPlanKind.ADAPTATION) return plan.ownerId === t.id;
    return this.isMember(plan.teamId!, t.id, iso) || this.teamById.get(plan.teamId!)!.reviewerId === t.id;
  }

  private leads(plan: LessonPlanPlan, by: Actor): boolean {
    const team = this.teamById.get(plan.teamId ?? '');
    return !!team && !!by.teacher && (team.leaderId === by.teacher.id || team.reviewerId === by.teacher.id);
  }

  team(spec: {
    group: GroupPlan;
    name: string;
    subject: string;
    grade: string;
    formed: string;
    createdBy: string | null;
    leader: TeacherPlan;
    reviewer?: TeacherPlan;
    /** The leader first; [teacher, joined, left?] */
    members: ReadonlyArray<readonly [TeacherPlan, string, string?]>;
  }): PrepTeamPlan {
    const createdAt = at(spec.formed);
    const team: PrepTeamPlan = {
      id: demoId(`lesson-team:${spec.group.name}:${spec.name}`),
      groupId: spec.group.id,
      name: spec.name,
      subject: spec.subject,
      grade: spec.grade,
      leaderId: spec.leader.id,
      reviewerId: spec.reviewer?.id ?? null,
      createdBy: spec.createdBy,
      createdAt,
    };
    if (spec.members[0]?.[0] !== spec.leader || spec.members[0][1] !== spec.formed) this.fail(`${spec.name}: the leader is the first member, from the start`);
    if (spec.reviewer && !this.inGroup(spec.reviewer, spec.group.id, dayOf(createdAt), spec.subject)) this.fail(`${spec.name}: the reviewer is not a teacher of the group`);
    this.out.teams.push(team);
    this.teamById.set(team.id, team);
    for (const [t, joined, left] of spec.members) {
      const joinedAt = at(joined);
      if (joinedAt < createdAt || !this.inGroup(t, spec.group.id, dayOf(joinedAt), spec.subject)) this.fail(`${spec.name}: ${t.name} cannot join on ${joined}`);
      if (this.isMember(team.id, t.id, joinedAt)) this.fail(`${spec.name}: ${t.name} twice`);
      const leftAt = left ? at(left) : null;
      if (leftAt !== null && (leftAt <= joinedAt || t === spec.leader)) this.fail(`${spec.name}: bad leave of ${t.name}`);
      this.out.members.push({ id: demoId(`lesson-team-member:${team.id}:${t.id}:${joined}`), teamId: team.id, teacherId: t.id, joinedAt, leftAt });
    }
    return team;
  }

  private revise(plan: LessonPlanPlan, iso: string, by: Actor, note: string | null) {
    this.out.revisions.push({
      planId: plan.id,
      version: plan.version,
      ...PLAN_FIELDS.reduce((o, f) => ({ ...o, [f]: plan[f] }), {} as PlanText),
      note,
      authorUserId: by.userId,
      authorTeacherId: by.teacher?.id ?? null,
      createdAt: iso,
      publishedAt: null,
    });
  }

  private revision(plan: LessonPlanPlan, version: number): RevisionPlan {
    return this.out.revisions.find((r) => r.planId === plan.id && r.version === version) ?? this.fail(`${plan.title} has no version ${version}`);
  }

  /** What a new plan (team plan or adaptation) starts with: a draft at version 1. */
  private fresh(by: Actor, iso: string) {
    const status: LessonPlanStatus = LessonPlanStatus.DRAFT;
    return { status, version: 1, publishedVersion: null, firstPublishedAt: null, reviewNote: null, reviewedBy: null, reviewedAt: null, createdBy: by.userId, createdAt: iso, updatedAt: iso };
  }

  /** createLessonPlan: a member drafts version 1; the main preparer (主备) is a member too. */
  create(key: string, team: PrepTeamPlan, when: string, by: Actor, text: PlanText, preparer: TeacherPlan | null = by.teacher): LessonPlanPlan {
    const iso = at(when);
    if (!by.teacher || !this.isMember(team.id, by.teacher.id, iso) || !preparer || !this.isMember(team.id, preparer.id, iso)) this.fail(`${text.title}: only members write the team's plans`);
    const plan: LessonPlanPlan = {
      ...text,
      id: demoId(`lesson-plan:${key}`),
      key,
      groupId: team.groupId,
      kind: LessonPlanKind.TEAM,
      teamId: team.id,
      ownerId: null,
      sourcePlanId: null,
      sourceVersion: null,
      schoolId: preparer.schoolId,
      mainPreparerId: preparer.id,
      subject: team.subject,
      grade: team.grade,
      ...this.fresh(by, iso),
    };
    this.out.plans.push(plan);
    this.step(plan, iso);
    this.revise(plan, iso, by, null);
    return plan;
  }

  /** updateLessonPlan: a new version with a full revision; editing a published plan starts a new DRAFT round. */
  update(plan: LessonPlanPlan, when: string, by: Actor, change: (p: PlanText) => Partial<PlanText>, note: string): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (!this.seesDrafts(plan, by, iso) || (plan.kind === LessonPlanKind.TEAM && !this.isMember(plan.teamId!, by.teacher?.id, iso))) this.fail(`${plan.title}: ${by.teacher?.name} may not edit`);
    if (plan.status !== LessonPlanStatus.DRAFT && plan.status !== LessonPlanStatus.PUBLISHED) this.fail(`${plan.title} is ${plan.status}: not editable`);
    const next: PlanText = { ...plan, ...change(plan) };
    if (!changedFields(plan, next).length) this.fail(`${plan.title}: an update that changes nothing`);
    Object.assign(plan, PLAN_FIELDS.reduce((o, f) => ({ ...o, [f]: next[f] }), {}), { version: plan.version + 1, status: plan.status === LessonPlanStatus.PUBLISHED ? LessonPlanStatus.DRAFT : plan.status, updatedAt: iso });
    this.revise(plan, iso, by, note);
    return plan;
  }

  submit(plan: LessonPlanPlan, when: string, by: Actor): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (plan.kind !== LessonPlanKind.TEAM || plan.status !== LessonPlanStatus.DRAFT || !this.isMember(plan.teamId!, by.teacher?.id, iso)) this.fail(`${plan.title}: cannot submit`);
    return Object.assign(plan, { status: LessonPlanStatus.IN_REVIEW, reviewNote: null, updatedAt: iso });
  }

  review(plan: LessonPlanPlan, when: string, by: Actor, approve: boolean, note: string | null = null): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (plan.status !== LessonPlanStatus.IN_REVIEW || !this.leads(plan, by)) this.fail(`${plan.title}: cannot review`);
    if (!approve && !note) this.fail(`${plan.title}: returned without a note`);
    return Object.assign(plan, { status: approve ? LessonPlanStatus.APPROVED : LessonPlanStatus.DRAFT, reviewNote: note, reviewedBy: by.userId, reviewedAt: iso, updatedAt: iso });
  }

  publish(plan: LessonPlanPlan, when: string, by: Actor): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (plan.status !== LessonPlanStatus.APPROVED || !this.leads(plan, by)) this.fail(`${plan.title}: cannot publish`);
    this.revision(plan, plan.version).publishedAt = iso;
    return Object.assign(plan, { status: LessonPlanStatus.PUBLISHED, publishedVersion: plan.version, firstPublishedAt: plan.firstPublishedAt ?? iso, updatedAt: iso });
  }

  archive(plan: LessonPlanPlan, when: string, by: Actor): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    const allowed = plan.kind === LessonPlanKind.ADAPTATION ? plan.ownerId === by.teacher?.id : this.teamById.get(plan.teamId!)!.leaderId === by.teacher?.id;
    if (!allowed || plan.status === LessonPlanStatus.ARCHIVED) this.fail(`${plan.title}: cannot archive`);
    return Object.assign(plan, { status: LessonPlanStatus.ARCHIVED, updatedAt: iso });
  }

  /** adaptLessonPlan: a teacher of the group copies the published version (二次备课). */
  adapt(key: string, source: LessonPlanPlan, when: string, owner: Actor): LessonPlanPlan {
    const iso = at(when);
    const t = owner.teacher;
    if (source.kind !== LessonPlanKind.TEAM || source.publishedVersion === null || source.status === LessonPlanStatus.ARCHIVED) this.fail(`${source.title}: only published team plans are adapted`);
    if (!t || !this.inGroup(t, source.groupId, dayOf(iso), source.subject)) this.fail(`${source.title}: ${t?.name} is not a teacher of the group`);
    if (this.out.plans.some((p) => p.sourcePlanId === source.id && p.ownerId === t.id && p.status !== LessonPlanStatus.ARCHIVED)) this.fail(`${t.name} already adapted ${source.title}`);
    this.step(source, iso);
    const rev = this.revision(source, source.publishedVersion);
    const plan: LessonPlanPlan = {
      ...PLAN_FIELDS.reduce((o, f) => ({ ...o, [f]: rev[f] }), {} as PlanText),
      id: demoId(`lesson-plan:${key}`),
      key,
      groupId: source.groupId,
      kind: LessonPlanKind.ADAPTATION,
      teamId: null,
      ownerId: t.id,
      sourcePlanId: source.id,
      sourceVersion: source.publishedVersion,
      schoolId: t.schoolId,
      mainPreparerId: t.id,
      subject: source.subject,
      grade: source.grade,
      ...this.fresh(owner, iso),
    };
    this.out.plans.push(plan);
    this.step(plan, iso);
    // the service's own note for the first revision of an adaptation
    this.revise(plan, iso, owner, `二次备课: from version ${source.publishedVersion}`);
    return plan;
  }

  /** commentOnLessonPlan: the team on any version, readers of the group on published versions; a reply shares its comment's version and anchor. */
  comment(plan: LessonPlanPlan, when: string, by: Actor, version: number, text: string, o: { anchor?: CommentPlan['anchor']; replyTo?: CommentPlan } = {}): CommentPlan {
    const iso = at(when);
    this.step(plan, iso);
    const rev = this.revision(plan, version);
    if (!by.userId || rev.createdAt > iso) this.fail(`${plan.title}: bad comment`);
    if (!this.seesDrafts(plan, by, iso) && (plan.kind !== LessonPlanKind.TEAM || rev.publishedAt === null || rev.publishedAt > iso)) this.fail(`${plan.title}: readers comment on published versions`);
    if (o.replyTo && (o.replyTo.planId !== plan.id || o.replyTo.version !== version || o.anchor || o.replyTo.parentId)) this.fail(`${plan.title}: bad reply`);
    const a = o.anchor;
    if (a && (a.section === LessonPlanSection.CONTENT ? a.fromLine === undefined || a.fromLine > a.toLine! || a.toLine! > lineCount(rev.content) : a.fromLine !== undefined)) this.fail(`${plan.title}: bad anchor`);
    const comment: CommentPlan = {
      id: demoId(`lesson-comment:${plan.key}:${this.out.comments.filter((c) => c.planId === plan.id).length}`),
      planId: plan.id,
      version,
      parentId: o.replyTo?.id ?? null,
      anchor: a ?? null,
      text,
      authorUserId: by.userId,
      authorTeacherId: by.teacher?.id ?? null,
      createdAt: iso,
      resolvedAt: null,
      resolvedBy: null,
    };
    this.out.comments.push(comment);
    return comment;
  }

  resolve(plan: LessonPlanPlan, comment: CommentPlan, when: string, by: Actor): CommentPlan {
    const iso = at(when);
    this.step(plan, iso);
    const teamSide = plan.kind === LessonPlanKind.TEAM ? this.isMember(plan.teamId!, by.teacher?.id, iso) : plan.ownerId === by.teacher?.id;
    if (comment.planId !== plan.id || comment.parentId || comment.resolvedAt || (comment.authorUserId !== by.userId && !teamSide)) this.fail(`${plan.title}: cannot resolve`);
    return Object.assign(comment, { resolvedAt: iso, resolvedBy: by.userId });
  }

  /**
   * recordLessonPlanAdoption (同上课): the teacher taught the published plan (or their adaptation of it) at their own
   * school, an active member of the group, on a school day, after the plan was published, not while away on an exchange.
   */
  adopt(plan: LessonPlanPlan, taughtOn: string, teacher: TeacherPlan, className: string, reflection: string, recordedBy: string | null = null): AdoptionPlan {
    const source = plan.kind === LessonPlanKind.ADAPTATION ? this.out.plans.find((p) => p.id === plan.sourcePlanId)! : plan;
    if (plan.kind === LessonPlanKind.ADAPTATION && plan.ownerId !== teacher.id) this.fail(`${plan.title}: an adaptation is taught by its owner`);
    const createdAt = chinaInstant(taughtOn, 17 * 60 + 30 + (this.out.adoptions.length % 120));
    this.step(source, createdAt);
    if (plan !== source) this.step(plan, createdAt);
    if (source.publishedVersion === null || dayOf(source.firstPublishedAt!) > taughtOn) this.fail(`${source.title} was not published by ${taughtOn}`);
    if (!isSchoolDay(taughtOn) || !this.inGroup(teacher, source.groupId, taughtOn, source.subject)) this.fail(`${source.title}: ${teacher.name} cannot teach it on ${taughtOn}`);
    const away = this.exchanges.some((e) => e.teacherId === teacher.id && e.startsOn <= taughtOn && (e.endsOn === null || taughtOn <= e.endsOn));
    if (away) this.fail(`${teacher.name} is on an exchange on ${taughtOn}`);
    if (this.out.adoptions.some((x) => x.planId === source.id && x.teacherId === teacher.id && x.taughtOn === taughtOn && x.className === className)) this.fail(`${source.title}: recorded twice`);
    const adoption: AdoptionPlan = {
      id: demoId(`lesson-adoption:${source.key}:${teacher.id}:${taughtOn}:${className}`),
      planId: source.id,
      version: source.publishedVersion,
      adaptationId: plan === source ? null : plan.id,
      groupId: source.groupId,
      schoolId: teacher.schoolId,
      teacherId: teacher.id,
      taughtOn,
      className,
      reflection,
      recordedBy,
      createdAt,
    };
    this.out.adoptions.push(adoption);
    return adoption;
  }
}
