import { LESSONS } from '../demo-names';
import { MENTORING_ACCEPT_NOTES, MENTORING_COMPLETION_EVALUATIONS, MENTORING_DECLINE_NOTES, MENTORING_DISSOLVE_REASONS, MENTORING_EVALUATION_COMMENTS, MENTORING_FIRST_GOALS, MENTORING_GOALS, MENTORING_LEAVING_REASONS, MENTORING_NOTES, MENTORING_SUBJECT_GOALS } from '../demo-mentoring-texts';
import { SchoolStage, SchoolLocale, GroupKind, MemberRole, TeacherHonour } from '#app/organisation';
import { MentoringStatus, MentoringProposer, MentoringActivityKind } from '#app/mentoring';
import { FAR_FUTURE, MENTORING_FROM, RECORDED_UNTIL, TERMS, addDays, chinaInstant, daysOfMonth, fill, isSchoolDay, isWeekday, maxDay, minDay, monthsBetween, overlapping, plusYears, schoolYearOf } from './calendar';
import { FAMOUS_TEACHER_NAME, NEW_TEACHER_NAME, Prng, demoId } from './kit';
import { MENTORING_KIND_WEIGHTS, MENTOR_CAPACITY, MentoringActivityPlan, MentoringEvaluationPlan, MentoringPairPlan, MentoringPlan, PROPOSER_WEIGHTS, PairTimeline, isMentorGrade, isNewTeacher, isSeniorTeacher, isYoungBackbone, isYoungTeacher, pairTimeline, sameLevel } from './mentoring';
import { DemoPlan, GroupPlan, TeacherPlan } from './organisation';
import { PlanIndex, currentMembers, joinedOn, lessonFor } from './plan-index';
import { gradeRange } from './research';

/** 师徒结对 (mentoring pairs): who mentors whom, with their activity logs and term evaluations. */

export function buildMentoringPlan(plan: DemoPlan, ix: PlanIndex): MentoringPlan {
  const rng = new Prng(20240901);
  const pairs: MentoringPairPlan[] = [];
  const activities: MentoringActivityPlan[] = [];
  const evaluations: MentoringEvaluationPlan[] = [];
  /** Activated periods [activatedOn, endedOn) per group and mentor; what each apprentice is busy with. */
  const activePeriods = new Map<string, [string, string][]>();
  const apprenticeBusy = new Map<string, [string, string][]>();
  const pairsOf = new Map<string, number>();
  const activeOn = (groupId: string, mentorId: string, day: string) => (activePeriods.get(`${groupId}:${mentorId}`) ?? []).filter(([a, e]) => a <= day && day < e).length;

  const goalsFor = (apprentice: TeacherPlan, subject: string): string[] => {
    const goals: string[] = [];
    if (isNewTeacher(apprentice)) goals.push(rng.weighted([[MENTORING_FIRST_GOALS[0], 6], [MENTORING_FIRST_GOALS[1], 2], [MENTORING_FIRST_GOALS[2], 2]]));
    const own = MENTORING_SUBJECT_GOALS[subject];
    if (own && rng.chance(0.5)) goals.push(rng.pick(own));
    const general = [...MENTORING_GOALS];
    const picked: string[] = [];
    const want = rng.chance(0.25) ? 4 : 3;
    while (goals.length + picked.length < want) picked.push(general.splice(Math.floor(rng.next() * general.length), 1)[0]);
    return [...goals, ...picked.sort((a, b) => MENTORING_GOALS.indexOf(a) - MENTORING_GOALS.indexOf(b))];
  };

  /** Records a pair and what happened in it. */
  const addPair = (group: GroupPlan, mentor: TeacherPlan, apprentice: TeacherPlan, subject: string, status: MentoringStatus, tl: PairTimeline, proposedBy: MentoringProposer, goals: string[]) => {
    const key = `mentoring-pair:${group.name}:${mentor.id}:${apprentice.id}:${subject}:${tl.proposedOn}`;
    const id = demoId(key);
    const createdAt = chinaInstant(tl.proposedOn, rng.int(8 * 60, 21 * 60));
    const lastChange = tl.endedOn ?? tl.respondedOn ?? tl.activatedOn;
    const pair: MentoringPairPlan = {
      id,
      groupId: group.id,
      mentorId: mentor.id,
      apprenticeId: apprentice.id,
      subject,
      status,
      proposedBy,
      goals,
      plannedEndOn: tl.activatedOn ? plusYears(tl.activatedOn, status === MentoringStatus.COMPLETED ? 2 : 3) : null,
      responseNote: null,
      activatedOn: tl.activatedOn,
      endedOn: tl.endedOn,
      evaluation: null,
      dissolveReason: null,
      proposedOn: tl.proposedOn,
      createdAt,
      updatedAt: lastChange ? chinaInstant(lastChange, rng.int(8 * 60, 21 * 60)) : createdAt,
    };
    if (pair.updatedAt < createdAt) pair.updatedAt = createdAt;
    if (tl.activatedOn && rng.chance(0.5)) pair.responseNote = rng.pick(MENTORING_ACCEPT_NOTES);
    if (status === MentoringStatus.DECLINED) {
      const full = activeOn(group.id, mentor.id, tl.respondedOn!) >= MENTOR_CAPACITY;
      pair.responseNote = full ? MENTORING_DECLINE_NOTES[1] : rng.pick(MENTORING_DECLINE_NOTES.filter((_, i) => i !== 1));
    }
    const later = (apprenticeBusy.get(apprentice.id) ?? []).some(([from]) => tl.endedOn !== null && from >= tl.endedOn);
    if (status === MentoringStatus.DISSOLVED) pair.dissolveReason = rng.pick(MENTORING_DISSOLVE_REASONS.filter((r) => !later || !MENTORING_LEAVING_REASONS.includes(r)));
    pairs.push(pair);

    // What the apprentice is busy with; those who completed or left take no further pair.
    const leaving = status === MentoringStatus.COMPLETED || (pair.dissolveReason !== null && MENTORING_LEAVING_REASONS.includes(pair.dissolveReason));
    const busyTo = leaving ? FAR_FUTURE : (tl.endedOn ?? (tl.respondedOn ? addDays(tl.respondedOn, 1) : FAR_FUTURE));
    apprenticeBusy.set(apprentice.id, [...(apprenticeBusy.get(apprentice.id) ?? []), [tl.proposedOn, busyTo]]);
    pairsOf.set(mentor.id, (pairsOf.get(mentor.id) ?? 0) + 1);
    pairsOf.set(apprentice.id, (pairsOf.get(apprentice.id) ?? 0) + 1);
    if (!tl.activatedOn) return pair;
    activePeriods.set(`${group.id}:${mentor.id}`, [...(activePeriods.get(`${group.id}:${mentor.id}`) ?? []), [tl.activatedOn, tl.endedOn ?? FAR_FUTURE]]);

    // 2-3 activities a month while active; one online talk now and then in the vacations.
    const apprenticeSchool = ix.schoolById.get(apprentice.schoolId)!;
    const sameSchool = mentor.schoolId === apprentice.schoolId;
    // The apprentice teaches one grade a school year, and moves up with the class (循环教学).
    const [minGrade, maxGrade] = gradeRange(apprenticeSchool.stage === SchoolStage.TEACHING_POINT ? SchoolStage.PRIMARY : apprenticeSchool.stage);
    const taught = (LESSONS[subject] ?? []).map(([g]) => g).filter((g) => g >= minGrade && g <= maxGrade);
    const firstGrade = taught.length > 0 ? rng.pick(taught) : rng.int(minGrade, maxGrade);
    const firstYear = schoolYearOf(tl.activatedOn);
    const gradeOn = (day: string) => Math.min(maxGrade, firstGrade + schoolYearOf(day) - firstYear);
    const last = tl.endedOn ? minDay(addDays(tl.endedOn, -1), RECORDED_UNTIL) : RECORDED_UNTIL;
    const logged: MentoringActivityPlan[] = [];
    for (const month of monthsBetween(tl.activatedOn, last)) {
      const inWindow = daysOfMonth(month).filter((d) => d >= tl.activatedOn! && d <= last);
      const schoolDays = inWindow.filter(isSchoolDay);
      let days: { day: string; vacation: boolean }[];
      if (schoolDays.length === 0) {
        const weekdays = inWindow.filter(isWeekday);
        days = weekdays.length > 0 && rng.chance(0.4) ? [{ day: rng.pick(weekdays), vacation: true }] : [];
      } else {
        const n = schoolDays.length >= 8 ? rng.int(2, 3) : 1;
        const pool = [...schoolDays];
        days = [];
        while (days.length < n && pool.length > 0) days.push({ day: pool.splice(Math.floor(rng.next() * pool.length), 1)[0], vacation: false });
      }
      for (const { day, vacation } of days.sort((a, b) => (a.day < b.day ? -1 : 1))) {
        const kind: MentoringActivityKind = vacation ? MentoringActivityKind.MEETING : rng.weighted(MENTORING_KIND_WEIGHTS);
        const lesson = lessonFor(rng, subject, apprenticeSchool.stage, day, gradeOn(day)).text;
        const mode = sameSchool ? '' : rng.chance(0.45) ? '线上' : '到校';
        let notes: readonly string[];
        let byApprentice: boolean;
        let minutes: number;
        switch (kind) {
          case MentoringActivityKind.MEETING:
            notes = vacation ? MENTORING_NOTES.VACATION : MENTORING_NOTES.MEETING;
            byApprentice = rng.chance(0.5);
            minutes = rng.int(6, 12) * 5;
            break;
          case MentoringActivityKind.LESSON_OBSERVATION: {
            // The apprentice watches the mentor's lesson, or the mentor the apprentice's.
            const watchesMentor = rng.chance(0.5);
            notes = watchesMentor ? MENTORING_NOTES.LESSON_OBSERVATION_MENTOR : MENTORING_NOTES.LESSON_OBSERVATION_APPRENTICE;
            byApprentice = watchesMentor ? true : rng.chance(0.4);
            minutes = rng.int(8, 18) * 5;
            break;
          }
          case MentoringActivityKind.FEEDBACK:
            notes = MENTORING_NOTES.FEEDBACK;
            byApprentice = rng.chance(0.6);
            minutes = rng.int(6, 12) * 5;
            break;
          case MentoringActivityKind.DEMO_LESSON:
            notes = MENTORING_NOTES.DEMO_LESSON;
            byApprentice = rng.chance(0.5);
            minutes = rng.int(9, 18) * 5;
            break;
          default:
            notes = MENTORING_NOTES.OTHER;
            byApprentice = rng.chance(0.5);
            minutes = rng.int(6, 18) * 5;
        }
        logged.push({
          id: demoId(`mentoring-activity:${key}:${logged.length}`),
          pairId: id,
          kind,
          occurredOn: day,
          durationMinutes: minutes,
          notes: fill(rng.pick(notes), { lesson, mode }),
          loggedBy: byApprentice ? apprentice.id : mentor.id,
          createdAt: chinaInstant(day, rng.int(16 * 60, 22 * 60)),
        });
      }
    }
    activities.push(...logged);

    // An evaluation for each term the pair was active for (from six weeks before its end), near its end.
    let k = 0;
    for (const [period, termFrom, termTo] of TERMS) {
      if (termTo > RECORDED_UNTIL || tl.activatedOn > addDays(termTo, -42)) continue;
      if (tl.endedOn !== null && (status === MentoringStatus.COMPLETED ? tl.endedOn < termTo : tl.endedOn <= termTo)) continue;
      const inTerm = logged.filter((a) => a.occurredOn >= termFrom && a.occurredOn <= termTo);
      const scores = goals.map((goal, g) => {
        const hard = goal === '形成个人教学风格' || goal === '开展小课题研究' || g === goals.length - 1;
        const score = 3 + (k >= 1 ? 1 : 0) + (rng.chance(k >= 2 ? 0.6 : 0.5) ? 1 : 0) - (hard && k <= 1 ? 1 : 0);
        return { goal, score: Math.max(3, Math.min(5, score)) };
      });
      // The comment praises the best goal: some progress on the first one at least.
      if (scores.every((x) => x.score === 3)) scores[0].score = 4;
      const best = [...scores].sort((a, b) => b.score - a.score)[0].goal;
      const next = [...scores].reverse().sort((a, b) => a.score - b.score).find((s) => s.goal !== best)?.goal ?? best;
      evaluations.push({
        id: demoId(`mentoring-evaluation:${key}:${period}`),
        pairId: id,
        period,
        scores,
        comment: fill(rng.pick(MENTORING_EVALUATION_COMMENTS), {
          goal: best,
          next,
          obs: Math.max(1, inTerm.filter((a) => a.kind === MentoringActivityKind.LESSON_OBSERVATION || a.kind === MentoringActivityKind.DEMO_LESSON).length),
          fb: Math.max(1, inTerm.filter((a) => a.kind === MentoringActivityKind.FEEDBACK).length),
        }),
        createdAt: chinaInstant(addDays(termTo, -rng.int(0, 4)), rng.int(9 * 60, 17 * 60)),
      });
      k++;
    }
    if (status === MentoringStatus.COMPLETED) {
      pair.evaluation = fill(rng.pick(MENTORING_COMPLETION_EVALUATIONS), { name: apprentice.name, lesson: lessonFor(rng, subject, apprenticeSchool.stage, addDays(tl.endedOn!, -30), gradeOn(tl.endedOn!)).text });
    }
    return pair;
  };

  const canPlace = (group: GroupPlan, mentor: TeacherPlan, apprentice: TeacherPlan, status: MentoringStatus, tl: PairTimeline): boolean => {
    const busyTo = status === MentoringStatus.COMPLETED ? FAR_FUTURE : (tl.endedOn ?? (tl.respondedOn ? addDays(tl.respondedOn, 1) : FAR_FUTURE));
    // At most three pairs per apprentice, one of them dissolved.
    const history = pairs.filter((p) => p.apprenticeId === apprentice.id);
    if (history.length >= 3 || (status === MentoringStatus.DISSOLVED && history.some((p) => p.status === MentoringStatus.DISSOLVED))) return false;
    if (overlapping(apprenticeBusy.get(apprentice.id) ?? [], tl.proposedOn, busyTo)) return false;
    if (!tl.activatedOn) return true;
    // Never more than the capacity of ACTIVE pairs for the mentor in the group, on any day.
    const periods: [string, string][] = [...(activePeriods.get(`${group.id}:${mentor.id}`) ?? []), [tl.activatedOn, tl.endedOn ?? FAR_FUTURE]];
    return periods.every(([start]) => periods.filter(([a, e]) => a <= start && start < e).length <= MENTOR_CAPACITY);
  };

  // The demo accounts: 周文华 has mentored 陈雨萱 since the spring term of 2026.
  const famous = ix.teacherById.get(plan.refs.famousTeacherId)!;
  const newcomer = ix.teacherById.get(plan.refs.newTeacherId)!;
  const featuredGroup = plan.groups.find((g) => g.id === plan.refs.featuredGroupId)!;
  const featuredSubject = famous.subjects.find((s) => newcomer.subjects.includes(s));
  if (!featuredSubject) throw new Error(`demo plan: ${FAMOUS_TEACHER_NAME} and ${NEW_TEACHER_NAME} share no subject`);
  const featuredTimeline: PairTimeline = { proposedOn: '2026-02-25', activatedOn: '2026-03-02', endedOn: null, respondedOn: null };
  if (!canPlace(featuredGroup, famous, newcomer, MentoringStatus.ACTIVE, featuredTimeline)) throw new Error('demo plan: the featured mentoring pair does not fit');
  const featuredGoals = ['站稳讲台', ...(MENTORING_SUBJECT_GOALS[featuredSubject] ?? []).slice(0, 1), '独立设计单元教学'];
  addPair(featuredGroup, famous, newcomer, featuredSubject, MentoringStatus.ACTIVE, featuredTimeline, MentoringProposer.APPRENTICE, featuredGoals).responseNote = MENTORING_ACCEPT_NOTES[0];
  // Her only pair.
  apprenticeBusy.get(newcomer.id)!.push([MENTORING_FROM, featuredTimeline.proposedOn]);

  const STATUS_WEIGHTS: ReadonlyArray<readonly [MentoringStatus, number]> = [[MentoringStatus.ACTIVE, 40], [MentoringStatus.COMPLETED, 15], [MentoringStatus.DISSOLVED, 12], [MentoringStatus.PROPOSED, 15], [MentoringStatus.DECLINED, 18]];
  for (const group of plan.groups) {
    if (group.kind !== GroupKind.CONSORTIUM && group.kind !== GroupKind.EDUCATION_GROUP) continue;
    const featured = group.id === featuredGroup.id;
    const members = currentMembers(ix, group.id, FAR_FUTURE);
    // Mentors: 名师 and 骨干 of the lead school, a few of the member town schools; apprentices: new and young teachers.
    const mentors: [TeacherPlan, number][] = [];
    const apprentices: [TeacherPlan, number][] = [];
    for (const x of members) {
      const s = ix.schoolById.get(x.schoolId)!;
      const small = s.locale === SchoolLocale.RURAL || s.stage === SchoolStage.TEACHING_POINT;
      for (const t of ix.teachersBySchool.get(s.id) ?? []) {
        if (isMentorGrade(t)) {
          if (x.role === MemberRole.LEAD) mentors.push([t, t.honours.includes(TeacherHonour.FAMOUS_TEACHER) ? 8 : 5]);
          else if (!small) mentors.push([t, 1]);
        } else if (isSeniorTeacher(t) && x.role === MemberRole.LEAD) mentors.push([t, 0.5]);
        else if (isNewTeacher(t)) apprentices.push([t, x.role === MemberRole.LEAD ? 1 : small ? 6 : 4]);
        else if (isYoungTeacher(t) && x.role === MemberRole.MEMBER) apprentices.push([t, t.yearsOfExperience <= 6 ? 1 : 0.3]);
        else if (isYoungBackbone(t)) apprentices.push([t, 0.3]);
      }
    }
    const combos: { mentor: TeacherPlan; apprentice: TeacherPlan; subject: string; weight: number; earliest: string }[] = [];
    for (const [a, wa] of apprentices) {
      for (const [m, wm] of mentors) {
        if (m.id === a.id || (m.schoolId === a.schoolId && m.schoolId !== group.leadSchoolId)) continue;
        const earliest = maxDay(ix.currentFrom.get(m.id)!, ix.currentFrom.get(a.id)!, joinedOn(ix, group.id, m.schoolId)!, joinedOn(ix, group.id, a.schoolId)!);
        for (const subject of m.subjects.filter((s) => a.subjects.includes(s))) {
          combos.push({ mentor: m, apprentice: a, subject, weight: wa * wm * (sameLevel(m, a) ? 1 : 0.05), earliest });
        }
      }
    }
    if (combos.length === 0) continue;

    const n = featured ? 11 : group.kind === GroupKind.EDUCATION_GROUP ? rng.int(5, 8) : rng.int(4, 10);
    const others: MentoringStatus[] = [MentoringStatus.COMPLETED, MentoringStatus.DISSOLVED, MentoringStatus.PROPOSED, MentoringStatus.DECLINED];
    const statuses: MentoringStatus[] = [MentoringStatus.ACTIVE];
    while (statuses.length < n && others.length > 0) statuses.push(others.splice(Math.floor(rng.next() * others.length), 1)[0]);
    while (statuses.length < n) statuses.push(rng.weighted(STATUS_WEIGHTS));
    // Groups with few new teachers: requests that were declined or went through top them up to four pairs.
    const placed = () => pairs.filter((p) => p.groupId === group.id).length;
    for (let i = 0; i < 6; i++) statuses.push(rng.chance(0.5) ? MentoringStatus.DECLINED : MentoringStatus.ACTIVE);
    for (const [i, status] of statuses.entries()) {
      if (i >= n && placed() >= 4) break;
      for (let attempt = 0; attempt < 80; attempt++) {
        const c = rng.weighted(combos.map((x) => [x, x.weight / (1 + 0.7 * (pairsOf.get(x.mentor.id) ?? 0)) / (1 + 2 * (pairsOf.get(x.apprentice.id) ?? 0))] as const));
        const tl = pairTimeline(rng, status, c.earliest);
        if (!tl || !canPlace(group, c.mentor, c.apprentice, status, tl)) continue;
        // The other side answers: a mentor declines a request, so an invitation from the mentor is not among the declined.
        const proposedBy = status === MentoringStatus.DECLINED ? rng.weighted<MentoringProposer>([[MentoringProposer.APPRENTICE, 6], [MentoringProposer.MANAGER, 4]]) : rng.weighted(PROPOSER_WEIGHTS);
        addPair(group, c.mentor, c.apprentice, c.subject, status, tl, proposedBy, goalsFor(c.apprentice, c.subject));
        break;
      }
    }
  }
  return { pairs, activities, evaluations };
}
