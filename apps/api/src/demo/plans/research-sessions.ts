import { CANCEL_REASONS_ANY, CANCEL_REASONS_SUMMER, CANCEL_REASONS_WINTER, GRADE_NAMES, LAB_CONSENSUS, LECTURE_TOPICS, MINUTES_CONSENSUS, MINUTES_NEXT_STEPS, SESSION_NOTES, SESSION_SUBJECTS, SUBJECT_NOTES } from '../demo-names';
import { SchoolStage, GroupKind, TeacherHonour } from '#app/organisation';
import { ResearchSessionType, SessionMode, ResearchSessionStatus, SessionEventType } from '#app/research';
import { PUBLIC_HOLIDAYS, SCHEDULED_FROM, SCHEDULED_TO, SESSIONS_ENDED_BEFORE, SESSION_FIRST_MONTH, SESSION_LAST_MONTH, VACATIONS, addDays, chinaInstant, isWeekday, plusSeconds, within } from './calendar';
import { FEATURED_CONSORTIUM, Prng, demoId, shortName } from './kit';
import { DemoPlan, MembershipPlan, TeacherPlan } from './organisation';
import { AgendaItemPlan, AttendancePlan, DELIVERY_SUBJECTS, EventPlan, InvitationPlan, ResearchPlan, SESSION_TYPE_WEIGHTS, SessionPlan, VACATION_TYPE_WEIGHTS, gradeRange, pickLesson, pickMode, pickTheme, sessionsPerMonth } from './research';

/** Joint research sessions (联合教研活动): 18 months of history and a few upcoming sessions. */

export function buildResearchPlan(plan: DemoPlan): ResearchPlan {
  const rng = new Prng(20250501);
  const schoolById = new Map(plan.schools.map((s) => [s.id, s]));
  const teachersBySchool = new Map<string, TeacherPlan[]>();
  for (const t of plan.teachers) teachersBySchool.set(t.schoolId, [...(teachersBySchool.get(t.schoolId) ?? []), t]);
  // A teacher attends sessions from the day they started at their current school.
  const currentFrom = new Map(plan.assignments.filter((a) => a.toDate === null).map((a) => [a.teacherId, a.fromDate]));
  const membersOf = new Map<string, MembershipPlan[]>();
  for (const x of plan.memberships) membersOf.set(x.groupId, [...(membersOf.get(x.groupId) ?? []), x]);

  const sessions: SessionPlan[] = [];
  const invitations: InvitationPlan[] = [];
  const attendance: AttendancePlan[] = [];
  const events: EventPlan[] = [];

  // Weekdays by month, without public holidays.
  const monthDays = (month: string): string[] => {
    const days: string[] = [];
    for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) if (isWeekday(d) && !within(d, PUBLIC_HOLIDAYS)) days.push(d);
    return days;
  };
  const months: string[] = [];
  for (let m = `${SESSION_FIRST_MONTH}-01`; m.slice(0, 7) <= SESSION_LAST_MONTH; ) {
    months.push(m.slice(0, 7));
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  }
  const upcomingDays: string[] = [];
  for (let d = SCHEDULED_FROM; d <= SCHEDULED_TO; d = addDays(d, 1)) if (isWeekday(d) && !within(d, PUBLIC_HOLIDAYS)) upcomingDays.push(d);

  /** Picks `n` different days, in order. */
  const pickDays = (pool: readonly string[], n: number): string[] => {
    const copy = [...pool];
    const out: string[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rng.next() * copy.length), 1)[0]);
    return out.sort();
  };

  for (const group of plan.groups) {
    const lead = schoolById.get(group.leadSchoolId)!;
    const leadShort = shortName(lead.name);
    const featured = group.name === FEATURED_CONSORTIUM;
    const memberships = membersOf.get(group.id) ?? [];
    const membersOn = (day: string) => memberships.filter((x) => x.joinedOn <= day && (x.leftOn === null || x.leftOn >= day)).map((x) => schoolById.get(x.schoolId)!);
    // The lead school's 名师 and subject leaders give the 名师课堂 and the lectures.
    const leadExperts = (teachersBySchool.get(lead.id) ?? []).filter((t) => t.honours.includes(TeacherHonour.FAMOUS_TEACHER) || t.honours.includes(TeacherHonour.SUBJECT_LEADER));

    const plannedDays: { day: string; upcoming: boolean }[] = [];
    for (const month of months) for (const day of pickDays(monthDays(month), sessionsPerMonth(rng, group, Number(month.slice(5, 7))))) plannedDays.push({ day, upcoming: false });
    const upcoming = featured ? 3 : group.kind === GroupKind.CONSORTIUM && rng.chance(0.4) ? 1 : 0;
    for (const day of pickDays(upcomingDays, upcoming)) plannedDays.push({ day, upcoming: true });

    for (const { day, upcoming: isUpcoming } of plannedDays) {
      const key = `session:${group.name}:${day}`;
      const id = demoId(key);
      const members = isUpcoming ? memberships.filter((x) => x.leftOn === null).map((x) => schoolById.get(x.schoolId)!) : membersOn(day);
      const month = Number(day.slice(5, 7));
      const vacation = within(day, VACATIONS);
      // 上册 in autumn (and the summer vacation before it), 下册 in spring (and the winter vacation before it).
      const term: 1 | 2 = (month >= 2 && month <= 6) || (month === 1 && vacation) ? 2 : 1;
      const type = rng.weighted(vacation ? VACATION_TYPE_WEIGHTS : SESSION_TYPE_WEIGHTS);
      const mode = pickMode(rng, type, group);

      // Host: the lead school, or a member taking its turn (轮流承办) for lessons and research.
      const canHost = members.filter((s) => s.id !== lead.id && s.stage !== SchoolStage.TEACHING_POINT && s.stage !== SchoolStage.SENIOR);
      const leadOnly = type === ResearchSessionType.SPECIAL_DELIVERY_CLASS || type === ResearchSessionType.FAMOUS_TEACHER_CLASS || type === ResearchSessionType.FAMOUS_SCHOOL_ONLINE || type === ResearchSessionType.LECTURE;
      const host = !leadOnly && canHost.length > 0 && rng.chance(0.3) ? rng.pick(canHost) : lead;
      const hostShort = shortName(host.name);
      const grades = gradeRange(host.stage);

      let title: string;
      let topic: string;
      let what: string;
      let agenda: AgendaItemPlan[];
      /** The lesson's subject, and what the notes are about. */
      let subject: string | null = null;
      /** its grade (年级), when it is about one lesson */
      let grade: string | null = null;
      let notes: 'lesson' | 'prep' | 'talk' = 'lesson';
      const item = (title: string, durationMinutes: number, speaker: string | null = null): AgendaItemPlan => ({ title, durationMinutes, speaker });
      switch (type) {
        case ResearchSessionType.JOINT_RESEARCH: {
          const l = pickLesson(rng, SESSION_SUBJECTS, grades, term);
          const theme = pickTheme(rng, l.subject);
          subject = l.subject;
          grade = GRADE_NAMES[l.grade] || null;
          if (vacation) {
            notes = 'talk';
            title = `${l.grade <= 6 ? '小学' : '初中'}${l.subject}“${theme}”专题研讨`;
            topic = `假期研修：各校${l.subject}教研组长围绕“${theme}”作主题发言，分组研讨新学期的教研计划。`;
            what = `各校围绕“${theme}”作主题发言并分组研讨`;
            agenda = [item('主题发言', 30), item('分组研讨', 50), item('交流汇报', 25), item('总结', 10)];
          } else if (rng.chance(0.55)) {
            title = `${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}同课异构`;
            topic = `${hostShort}与成员校教师同上${l.lesson}，对比不同教学设计，围绕“${theme}”开展研讨。`;
            what = `两位教师同课异构${l.lesson}，课后分组评议`;
            agenda = [item('同课异构课堂展示', 80), item('评课议课', 30), item('专家点评', 10)];
          } else {
            title = `${l.grade <= 6 ? '小学' : '初中'}${l.subject}“${theme}”主题教研`;
            topic = `聚焦“${theme}”，成员校推选研究课，以${GRADE_NAMES[l.grade]}${l.lesson}为课例集中评课议课。`;
            what = `${hostShort}展示${GRADE_NAMES[l.grade]}${l.lesson}研究课，与会教师围绕“${theme}”评议`;
            agenda = [item('研究课展示', 40), item('说课', 15), item('评课议课', 45), item('总结', 15)];
          }
          break;
        }
        case ResearchSessionType.COLLECTIVE_PREP: {
          const l = pickLesson(rng, SESSION_SUBJECTS, grades, term);
          subject = l.subject;
          grade = GRADE_NAMES[l.grade] || null;
          notes = 'prep';
          if (vacation) {
            title = `${GRADE_NAMES[l.grade]}${l.subject}${term === 1 ? '上' : '下'}册教材分析与集体备课`;
            topic = `新学期教材通读与单元规划，分工编写${GRADE_NAMES[l.grade]}${l.subject}前两个单元的教学设计。`;
          } else if (rng.chance(0.7)) {
            title = `${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}集体备课`;
            topic = `主备人说课，集体研讨${l.lesson}的教学目标、重难点与作业设计，形成共案后各校二次备课。`;
          } else {
            const unit = rng.int(1, 8);
            title = `${GRADE_NAMES[l.grade]}${l.subject}第${unit}单元集体备课`;
            topic = `单元整体备课：梳理第${unit}单元的目标和课时安排，统一单元作业与检测。`;
          }
          what = '主备人说课，集体研讨形成共案';
          agenda = [item('主备人说课', 20), item('集体研讨', 50), item('形成共案', 30), item('二次备课分工', 15)];
          break;
        }
        case ResearchSessionType.DEMO_LESSON: {
          const l = pickLesson(rng, SESSION_SUBJECTS, grades, term);
          const theme = pickTheme(rng, l.subject);
          subject = l.subject;
          grade = GRADE_NAMES[l.grade] || null;
          title = rng.chance(0.5) ? `${l.grade <= 6 ? '小学' : '初中'}${l.subject}${theme}观摩课` : `${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}观摩课`;
          const how = mode === SessionMode.ONSITE ? '到校' : mode === SessionMode.ONLINE ? '线上同步' : '线上线下同步';
          topic = `${hostShort}教师执教${GRADE_NAMES[l.grade]}${l.lesson}，成员校教师${how}观课，围绕“${theme}”评课议课。`;
          what = `观摩${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}，开展评课议课`;
          agenda = [item('说课', 20), item('观课', 40), item('评课议课', 30)];
          break;
        }
        case ResearchSessionType.SPECIAL_DELIVERY_CLASS: {
          const primary = members.some((s) => s.stage === SchoolStage.PRIMARY || s.stage === SchoolStage.TEACHING_POINT || s.stage === SchoolStage.NINE_YEAR);
          const l = pickLesson(rng, DELIVERY_SUBJECTS, primary ? [1, 6] : [7, 9], term);
          subject = l.subject;
          grade = GRADE_NAMES[l.grade] || null;
          title = `${primary ? '乡村小学' : '农村初中'}${l.subject}${l.subject === '科学' ? '实验' : ''}专递课堂：${GRADE_NAMES[l.grade]}${l.lesson}`;
          topic = `${leadShort}${l.subject}教师通过专递课堂为成员校学生同步授课，成员校教师在班辅导，课后双师交流。`;
          what = '专递课堂同步授课，课后双师交流';
          agenda = [item('设备调试与签到', 10), item('专递课堂授课', 40), item('双师互动答疑', 20), item('课后反思交流', 30)];
          break;
        }
        case ResearchSessionType.FAMOUS_TEACHER_CLASS: {
          const expert = leadExperts.length > 0 ? rng.pick(leadExperts) : null;
          const name = expert?.name ?? `${leadShort}名师`;
          const l = pickLesson(rng, expert ? [[expert.subjects[0], 1]] : SESSION_SUBJECTS, gradeRange(lead.stage), term);
          subject = l.subject;
          grade = GRADE_NAMES[l.grade] || null;
          title = `${name}名师课堂：${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}`;
          topic = `${name}老师示范授课${l.lesson}并说课，成员校教师观摩研讨。`;
          what = `${name}老师示范授课并说课`;
          agenda = [item('名师示范课', 40, name), item('名师说课', 20, name), item('互动答疑', 30), item('总结点评', 15)];
          break;
        }
        case ResearchSessionType.FAMOUS_SCHOOL_ONLINE: {
          const l = pickLesson(rng, SESSION_SUBJECTS, gradeRange(lead.stage), term);
          subject = l.subject;
          grade = GRADE_NAMES[l.grade] || null;
          title = `${leadShort}名校网络课堂：${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}`;
          topic = `${leadShort}优质课堂网络直播，成员校班级同步收看、互动。`;
          what = '名校网络课堂直播，成员校同步互动';
          agenda = [item('网络课堂直播', 40), item('线上互动', 20), item('成员校研讨', 30)];
          break;
        }
        case ResearchSessionType.LECTURE: {
          const lecture = rng.pick(LECTURE_TOPICS);
          const speaker = leadExperts.length > 0 ? rng.pick(leadExperts).name : `${leadShort}教研组`;
          notes = 'talk';
          const prefix = vacation ? (month === 7 || month === 8 ? '暑期研修' : '寒假研修') : '';
          title = `${prefix}专题讲座：${lecture}`;
          topic = `${speaker}主讲，结合本${group.kind === GroupKind.CONSORTIUM ? '教联体' : '共同体'}课例，解读${lecture}。`;
          what = `${speaker}作专题讲座“${lecture.replace(/[“”]/g, '')}”`;
          agenda = [item('专题讲座', 60, speaker), item('交流研讨', 30), item('活动总结', 15)];
          break;
        }
      }

      const startMinutes = rng.weighted<number>([[14 * 60 + 30, 7], [14 * 60, 2], [15 * 60, 1]]);
      const startsAt = chinaInstant(day, startMinutes);
      const endsAt = chinaInstant(day, startMinutes + 120);
      const createdAt = isUpcoming
        ? chinaInstant(`2026-11-${rng.int(10, 19)}`, rng.int(9 * 60, 17 * 60))
        : chinaInstant(addDays(day, -rng.int(5, 14)), rng.int(9 * 60, 17 * 60));
      const session: SessionPlan = {
        id,
        groupId: group.id,
        hostSchoolId: host.id,
        title,
        topic,
        type,
        mode,
        subject,
        grade,
        status: ResearchSessionStatus.SCHEDULED,
        startsAt,
        endsAt,
        agenda,
        minutes: null,
        cancelReason: null,
        startedAt: null,
        endedAt: null,
        cancelledAt: null,
        lastSeq: 0,
        createdAt,
        updatedAt: createdAt,
      };
      sessions.push(session);
      // Every current member is invited, the host always among them.
      const invited = members.some((s) => s.id === host.id) ? members : [host, ...members];
      for (const s of invited) invitations.push({ id: demoId(`session-school:${key}:${s.name}`), sessionId: id, schoolId: s.id });

      if (day >= SESSIONS_ENDED_BEFORE) continue;
      // Numbered 1, 2, 3... without gaps, like the live event log.
      const event = (type: EventPlan['type'], at: string, payload: Record<string, unknown>, actorTeacherId: string | null = null) =>
        events.push({ sessionId: id, seq: ++session.lastSeq, type, actorTeacherId, payload, at });

      if (rng.chance(0.03)) {
        // Called off the day before.
        const reasons = [
          ...CANCEL_REASONS_ANY.filter((r) => mode !== SessionMode.ONSITE || !r.includes('线上')),
          ...(month >= 5 && month <= 9 ? CANCEL_REASONS_SUMMER : []),
          ...(month === 12 || month <= 2 ? CANCEL_REASONS_WINTER : []),
        ];
        const reason = rng.pick(reasons);
        session.status = ResearchSessionStatus.CANCELLED;
        session.cancelReason = reason;
        session.cancelledAt = chinaInstant(addDays(day, -1), rng.int(16 * 60, 19 * 60));
        session.updatedAt = session.cancelledAt;
        event(SessionEventType.SESSION_CANCELLED, session.cancelledAt, { reason });
      } else {
        session.status = ResearchSessionStatus.ENDED;
        session.startedAt = startsAt;
        session.endedAt = endsAt;
        session.updatedAt = endsAt;
        event(SessionEventType.SESSION_STARTED, startsAt, { agendaIndex: 0 });

        // 40-90% of the teachers of the invited schools check in during the first minutes.
        const eligible = invited.flatMap((s) => teachersBySchool.get(s.id) ?? []).filter((t) => (currentFrom.get(t.id) ?? day) <= day);
        const count = Math.max(1, Math.round(eligible.length * (featured ? 0.5 + rng.next() * 0.4 : 0.4 + rng.next() * 0.5)));
        const pool = [...eligible];
        const present: TeacherPlan[] = [];
        while (present.length < count && pool.length > 0) present.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]);
        const offsets = present.map(() => rng.int(20, 720)).sort((a, b) => a - b);
        for (let i = 1; i < offsets.length; i++) if (offsets[i] <= offsets[i - 1]) offsets[i] = offsets[i - 1] + 1;
        present.forEach((t, i) => {
          const at = plusSeconds(startsAt, offsets[i]);
          attendance.push({ id: demoId(`attendance:${key}:${t.id}`), sessionId: id, teacherId: t.id, schoolId: t.schoolId, checkedInAt: at });
          event(SessionEventType.CHECKED_IN, at, { teacherId: t.id, name: t.name, schoolId: t.schoolId }, t.id);
        });

        // A few notes while the lesson and the discussion go on.
        const notePool = (notes === 'lesson' ? [...SESSION_NOTES.lesson, ...((subject && SUBJECT_NOTES[subject]) || [])] : [...SESSION_NOTES[notes]]).filter(
          (text) => mode !== SessionMode.ONSITE || !text.includes('直播'),
        );
        const noteTimes = Array.from({ length: present.length > 0 ? rng.int(1, 3) : 0 }, () => rng.int(25 * 60, 105 * 60)).sort((a, b) => a - b);
        for (let i = 1; i < noteTimes.length; i++) if (noteTimes[i] <= noteTimes[i - 1]) noteTimes[i] = noteTimes[i - 1] + 1;
        for (const seconds of noteTimes) {
          const author = rng.pick(present);
          const text = notePool.splice(Math.floor(rng.next() * notePool.length), 1)[0];
          event(SessionEventType.NOTE_POSTED, plusSeconds(startsAt, seconds), { text, name: author.name }, author.id);
        }

        session.minutes =
          `本次活动由${hostShort}承办，${invited.length}所学校${present.length}名教师参加。${what}。` +
          `与会教师一致认为：${rng.pick(subject && ['科学', '物理', '化学', '生物'].includes(subject) ? [...MINUTES_CONSENSUS, LAB_CONSENSUS] : MINUTES_CONSENSUS)}。下一步：${rng.pick(MINUTES_NEXT_STEPS)}。`;
        event(SessionEventType.SESSION_ENDED, endsAt, { minutes: session.minutes });
      }
    }
  }

  return { sessions, invitations, attendance, events };
}
