/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      teacher { id name school { id name } }\n      roles { id role scopeId }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation CreateDownloadLink($path: String!) {\n    createDownloadLink(path: $path) { url expiresAt }\n  }\n": typeof types.CreateDownloadLinkDocument,
    "\n  query GroupChoices($regionId: ID, $schoolId: ID, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, schoolId: $schoolId, search: $search }) { edges { node { id name } } }\n  }\n": typeof types.GroupChoicesDocument,
    "\n  query GroupChoice($id: ID!) {\n    schoolGroup(id: $id) { id name }\n  }\n": typeof types.GroupChoiceDocument,
    "\n  query GroupTeachers($groupId: ID!, $search: String) {\n    teachers(first: 20, filter: { groupId: $groupId, search: $search }) {\n      edges { node { id name schoolId subjects yearsOfExperience honours school { id name } } }\n    }\n  }\n": typeof types.GroupTeachersDocument,
    "\n  query MemberSchools($groupId: ID!) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n  }\n": typeof types.MemberSchoolsDocument,
    "\n  query Labels {\n    labels { enum value zh en }\n  }\n": typeof types.LabelsDocument,
    "\n  query ScopeName($region: ID!, $group: ID!, $school: ID!, $isRegion: Boolean!, $isGroup: Boolean!, $isSchool: Boolean!) {\n    region(id: $region) @include(if: $isRegion) { id name }\n    schoolGroup(id: $group) @include(if: $isGroup) { id name }\n    school(id: $school) @include(if: $isSchool) { id name }\n  }\n": typeof types.ScopeNameDocument,
    "\n  query MyNotifications($first: Int, $after: String, $locale: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id kind title(locale: $locale) body(locale: $locale) link read createdAt } }\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { id }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) { unreadCount notifications { id read } }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query StudentActivities($groupId: ID!, $type: StudentActivityType, $from: Date, $to: Date, $after: String) {\n    studentActivities(first: 20, after: $after, filter: { groupId: $groupId, type: $type, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type heldOn participantCount description schools { id name } } }\n    }\n  }\n": typeof types.StudentActivitiesDocument,
    "\n  mutation RecordStudentActivity($input: RecordStudentActivityInput!) {\n    recordStudentActivity(input: $input) { id }\n  }\n": typeof types.RecordStudentActivityDocument,
    "\n  query BalancePage($id: ID!, $year: Int!) {\n    region(id: $id) { id name level parent { id name } }\n    balanceReport(regionId: $id, year: $year) {\n      asOf wholeRegion exchangesCounted\n      excluded { school { id name } reason students }\n      stages {\n        stage students compliantSchools holds\n        indicators { key standard value coefficient threshold holds pulls { school { id name } share } }\n        schools { school { id name } students teachers values { key value meets } met complies missing }\n      }\n    }\n  }\n": typeof types.BalancePageDocument,
    "\n  query BalanceHistory($id: ID!, $year: Int!) {\n    balanceHistory(regionId: $id, year: $year, years: 5) { year stages { stage indicators { key coefficient threshold } } }\n  }\n": typeof types.BalanceHistoryDocument,
    "\n  query BalancePlan($id: ID!, $year: Int!, $maxMoves: Int, $across: Boolean) {\n    suggestBalancingRotations(regionId: $id, year: $year, maxMoves: $maxMoves, acrossGroups: $across) {\n      reachesThresholds maxMoves acrossGroups\n      moves { teacher { id name } from { id name } to { id name } stage indicator groupId coefficientBefore coefficientAfter reason }\n      coefficients { stage key threshold before after holdsBefore holdsAfter }\n    }\n  }\n": typeof types.BalancePlanDocument,
    "\n  query BalanceWhatIf($id: ID!, $year: Int!, $moves: [BalanceMoveInput!]!) {\n    simulateBalance(regionId: $id, year: $year, moves: $moves) { stages { stage holds indicators { key coefficient holds } } }\n  }\n": typeof types.BalanceWhatIfDocument,
    "\n  query BalanceSchoolTeachers($schoolId: ID!, $search: String) {\n    teachers(filter: { schoolId: $schoolId, search: $search }, first: 100) { edges { node { id name subjects honours backboneLevel educationLevel } } totalCount }\n  }\n": typeof types.BalanceSchoolTeachersDocument,
    "\n  mutation CreateBalancingExchanges($input: CreateBalancingExchangesInput!) {\n    createBalancingExchanges(input: $input) { id }\n  }\n": typeof types.CreateBalancingExchangesDocument,
    "\n  query Exchanges($groupId: ID!, $kind: ExchangeKind, $from: Date, $to: Date, $after: String) {\n    teacherExchanges(first: 20, after: $after, filter: { groupId: $groupId, kind: $kind, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind startsOn endsOn note teacher { id name } fromSchool { id name } toSchool { id name } } }\n    }\n  }\n": typeof types.ExchangesDocument,
    "\n  mutation RecordTeacherExchange($input: RecordTeacherExchangeInput!) {\n    recordTeacherExchange(input: $input) { id }\n  }\n": typeof types.RecordTeacherExchangeDocument,
    "\n  mutation EndTeacherExchange($id: ID!, $endsOn: Date!) {\n    endTeacherExchange(id: $id, endsOn: $endsOn) { id endsOn }\n  }\n": typeof types.EndTeacherExchangeDocument,
    "\n  query GroupActivity($id: ID!, $from: Date!, $to: Date!) {\n    groupActivitySummary(groupId: $id, from: $from, to: $to) {\n      from\n      to\n      researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n      mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      byMonth {\n        month\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n      bySchool {\n        school { id name }\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n    }\n  }\n": typeof types.GroupActivityDocument,
    "\n  query GroupMembers($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      members(includeFormer: true) { id role pairing joinedOn leftOn school { id name stage locale studentCount } }\n    }\n  }\n": typeof types.GroupMembersDocument,
    "\n  query SchoolsToAdd($regionId: ID!, $search: String) {\n    schools(first: 20, filter: { regionId: $regionId, search: $search }) { edges { node { id name } } }\n  }\n": typeof types.SchoolsToAddDocument,
    "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n": typeof types.AddGroupMemberDocument,
    "\n  mutation RemoveGroupMember($groupId: ID!, $schoolId: ID!) {\n    removeGroupMember(groupId: $groupId, schoolId: $schoolId) { id leftOn }\n  }\n": typeof types.RemoveGroupMemberDocument,
    "\n  query GroupPage($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      name\n      kind\n      mode\n      level\n      status\n      foundedOn\n      dissolvedOn\n      crossRegion\n      profiles { validFrom mode level }\n      regionId\n      region { id name parent { id parent { id parent { id } } } }\n      leadSchool { id name }\n    }\n  }\n": typeof types.GroupPageDocument,
    "\n  query GroupRotation($id: ID!, $year: Int!) {\n    groupRotation(groupId: $id, year: $year) {\n      rotationRatio\n      rotationGap\n      backboneShare\n      teachersToRotate\n      quota { minRotationRatio minBackboneRatio }\n    }\n  }\n": typeof types.GroupRotationDocument,
    "\n  mutation UpdateSchoolGroup($input: UpdateSchoolGroupInput!) {\n    updateSchoolGroup(input: $input) { id name mode level status dissolvedOn profiles { validFrom mode level } }\n  }\n": typeof types.UpdateSchoolGroupDocument,
    "\n  query TopRegions {\n    regions { id name level }\n  }\n": typeof types.TopRegionsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt mustChangePassword user { id displayName } }\n  }\n": typeof types.LoginDocument,
    "\n  mutation ChoosePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next) { token expiresAt }\n  }\n": typeof types.ChoosePasswordDocument,
    "\n  query GroupMentoringPairs($groupId: ID!, $status: MentoringStatus, $after: String) {\n    schoolGroup(id: $groupId) { id name mentorCapacity }\n    active: mentoringPairs(first: 1, filter: { groupId: $groupId, status: ACTIVE }) { totalCount }\n    proposed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: PROPOSED }) { totalCount }\n    completed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: COMPLETED }) { totalCount }\n    dissolved: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DISSOLVED }) { totalCount }\n    declined: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DECLINED }) { totalCount }\n    mentoringPairs(first: 20, after: $after, filter: { groupId: $groupId, status: $status }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...MentoringPairFields } }\n    }\n  }\n": typeof types.GroupMentoringPairsDocument,
    "\n  query OptimalPairs($groupId: ID!, $subject: String) {\n    suggestMentoringPairs(groupId: $groupId, subject: $subject) {\n      subject\n      score\n      reasons\n      mentor { ...TeacherAtSchool }\n      apprentice { ...TeacherAtSchool }\n    }\n  }\n": typeof types.OptimalPairsDocument,
    "\n  mutation ProposeMentoringPair($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n": typeof types.ProposeMentoringPairDocument,
    "\n  mutation SetMentorCapacity($groupId: ID!, $capacity: Int!) {\n    setMentorCapacity(groupId: $groupId, capacity: $capacity) { id mentorCapacity }\n  }\n": typeof types.SetMentorCapacityDocument,
    "\n  query MyMentoringPairs($teacherId: ID!) {\n    me { id teacher { id name subjects school { id name } } }\n    mentoringPairs(first: 50, filter: { teacherId: $teacherId }) { totalCount edges { node { ...MentoringPairFields } } }\n  }\n": typeof types.MyMentoringPairsDocument,
    "\n  mutation RequestMentorship($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n": typeof types.RequestMentorshipDocument,
    "\n  mutation RespondToMentorship($pairId: ID!, $accept: Boolean!, $note: String) {\n    respondToMentorship(pairId: $pairId, accept: $accept, note: $note) { id status responseNote activatedOn plannedEndOn }\n  }\n": typeof types.RespondToMentorshipDocument,
    "\n  mutation LogMentoringActivity($input: LogMentoringActivityInput!) {\n    logMentoringActivity(input: $input) { id }\n  }\n": typeof types.LogMentoringActivityDocument,
    "\n  mutation EvaluateMentoringPair($input: EvaluateMentoringPairInput!) {\n    evaluateMentoringPair(input: $input) { id }\n  }\n": typeof types.EvaluateMentoringPairDocument,
    "\n  mutation CompleteMentoringPair($pairId: ID!, $evaluation: String!) {\n    completeMentoringPair(pairId: $pairId, evaluation: $evaluation) { id status endedOn evaluation }\n  }\n": typeof types.CompleteMentoringPairDocument,
    "\n  mutation DissolveMentoringPair($pairId: ID!, $reason: String!) {\n    dissolveMentoringPair(pairId: $pairId, reason: $reason) { id status endedOn dissolveReason }\n  }\n": typeof types.DissolveMentoringPairDocument,
    "\n  fragment TeacherAtSchool on Teacher { id name school { id name } }\n": typeof types.TeacherAtSchoolFragmentDoc,
    "\n  fragment MentoringPairFields on MentoringPair {\n    id\n    groupId\n    subject\n    status\n    proposedBy\n    goals\n    activatedOn\n    plannedEndOn\n    endedOn\n    responseNote\n    dissolveReason\n    evaluation\n    activityCount\n    mentor { ...TeacherAtSchool }\n    apprentice { ...TeacherAtSchool }\n  }\n": typeof types.MentoringPairFieldsFragmentDoc,
    "\n  query MentoringPair($id: ID!) {\n    mentoringPair(id: $id) {\n      id\n      activityCount\n      activities { id kind occurredOn durationMinutes notes loggedByTeacherId }\n      evaluations { id period comment scores { goal score } }\n    }\n  }\n": typeof types.MentoringPairDocument,
    "\n  query SuggestMentors($groupId: ID!, $apprenticeId: ID!, $subject: String!) {\n    suggestMentors(groupId: $groupId, apprenticeTeacherId: $apprenticeId, subject: $subject, first: 8) {\n      score\n      reasons\n      teacher { id name yearsOfExperience school { id name } }\n    }\n  }\n": typeof types.SuggestMentorsDocument,
    "\n  query MyPrepTeams {\n    lessonPrepTeams(first: 100) { edges { node { id name subject grade group { id name } members { id } } } }\n  }\n": typeof types.MyPrepTeamsDocument,
    "mutation CreatePlan($input: CreateLessonPlanInput!) { createLessonPlan(input: $input) { id } }": typeof types.CreatePlanDocument,
    "mutation SubmitPlan($id: ID!) { submitLessonPlanForReview(id: $id) { id status viewerActions } }": typeof types.SubmitPlanDocument,
    "mutation ReviewPlan($id: ID!, $approve: Boolean!, $note: String) { reviewLessonPlan(id: $id, approve: $approve, note: $note) { id status reviewNote viewerActions } }": typeof types.ReviewPlanDocument,
    "mutation PublishPlan($id: ID!) { publishLessonPlan(id: $id) { id status publishedVersion viewerActions } }": typeof types.PublishPlanDocument,
    "mutation ArchivePlan($id: ID!) { archiveLessonPlan(id: $id) { id status viewerActions } }": typeof types.ArchivePlanDocument,
    "mutation AdaptPlan($id: ID!) { adaptLessonPlan(planId: $id) { id } }": typeof types.AdaptPlanDocument,
    "mutation RecordAdoption($input: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $input) { id } }": typeof types.RecordAdoptionDocument,
    "\n  query PlanComments($id: ID!, $version: Int!, $includeResolved: Boolean!) {\n    lessonPlan(id: $id) {\n      id\n      comments(version: $version, includeResolved: $includeResolved) {\n        id text createdAt resolved version\n        anchor { section fromLine toLine }\n        author { id displayName }\n        authorTeacher { id name }\n        replies { id text createdAt author { id displayName } authorTeacher { id name } }\n      }\n    }\n  }\n": typeof types.PlanCommentsDocument,
    "mutation CommentOnPlan($input: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $input) { id } }": typeof types.CommentOnPlanDocument,
    "mutation ResolvePlanComment($id: ID!) { resolveLessonPlanComment(commentId: $id) { id resolved } }": typeof types.ResolvePlanCommentDocument,
    "\n  query PlanLatest($id: ID!) {\n    lessonPlan(id: $id) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n": typeof types.PlanLatestDocument,
    "\n  mutation UpdatePlan($id: ID!, $expectedVersion: Int!, $input: UpdateLessonPlanInput!) {\n    updateLessonPlan(id: $id, expectedVersion: $expectedVersion, input: $input) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n": typeof types.UpdatePlanDocument,
    "\n  query PlanDiff($id: ID!, $from: Int!, $to: Int!) {\n    lessonPlanDiff(id: $id, fromVersion: $from, toVersion: $to) {\n      fromVersion toVersion changedFields linesAdded linesRemoved\n      contentLines { op text fromLine toLine }\n      fieldChanges { field before after }\n    }\n  }\n": typeof types.PlanDiffDocument,
    "\n  query PlanPage($id: ID!) {\n    lessonPlan(id: $id) {\n      id kind title unit subject grade objectives keyPoints content status version publishedVersion viewerSeesDrafts viewerActions\n      reviewNote updatedAt adaptationCount\n      resources { title url }\n      group { id name members { id school { id name } } }\n      team { id name leader { id name } reviewer { id name } }\n      mainPreparer { id name }\n      owner { id name }\n      adaptedFrom {\n        version latestPublishedVersion hasNewerVersion\n        plan { id title }\n        diffSinceAdapted { fromVersion toVersion linesAdded linesRemoved changedFields contentLines { op text fromLine toLine } }\n      }\n      revisions { version title note content createdAt publishedAt author { id name } authorUser { id displayName } }\n      adoptions { id taughtOn className reflection version school { id name } teacher { id name } }\n    }\n  }\n": typeof types.PlanPageDocument,
    "\n  query Plans($filter: LessonPlanFilter, $after: String) {\n    lessonPlans(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title subject grade unit status version publishedVersion updatedAt kind\n          group { id name }\n          team { id name }\n          mainPreparer { id name }\n          owner { id name }\n          adaptedFrom { hasNewerVersion }\n        }\n      }\n    }\n  }\n": typeof types.PlansDocument,
    "\n  subscription PlanEvents($planId: ID!) {\n    lessonPlanEvents(planId: $planId) { type version status at actorUserId }\n  }\n": typeof types.PlanEventsDocument,
    "\n  query CoverageTrend($id: ID!, $asOf: Date) {\n    regionCoverageTrend(regionId: $id, months: 24, asOf: $asOf) {\n      points { month ratio coveredSchools compulsorySchools target { ratio } }\n    }\n  }\n": typeof types.CoverageTrendDocument,
    "\n  query RegionActivity($id: ID!, $from: Date!, $to: Date!) {\n    regionActivitySummary(regionId: $id, from: $from, to: $to) {\n      groups researchSessions teacherParticipations studentActivities studentParticipants lessonPrepTeams\n      mentoringPairsFormed mentoringPairsActive teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n    }\n  }\n": typeof types.RegionActivityDocument,
    "\n  query RegionBreakdown($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {\n    regionBreakdown(regionId: $id, from: $from, to: $to, asOf: $asOf) {\n      rows {\n        region { id name level }\n        ratio coveredSchools compulsorySchools target { ratio } gap consortia researchSessions mentoringPairsActive teacherExchanges\n      }\n    }\n  }\n": typeof types.RegionBreakdownDocument,
    "\n  query RegionGroups($id: ID!, $from: Date!, $to: Date!) {\n    regionGroupBreakdown(regionId: $id, from: $from, to: $to) {\n      rows { group { id name } kind mode level memberSchools researchSessions teacherParticipations mentoringPairsActive teacherExchanges studentActivities lessonPlanAdoptions }\n    }\n  }\n": typeof types.RegionGroupsDocument,
    "\n  query RegionPage($id: ID!, $asOf: Date) {\n    region(id: $id) { id name level parent { id name parent { id name parent { id } } } }\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      asOf\n      ratio\n      coveredSchools\n      compulsorySchools\n      studentsCovered\n      compulsoryStudents\n      consortia\n      consortiaByMode { key count }\n      consortiaByLevel { key count }\n      target { year ratio }\n      gap\n    }\n  }\n": typeof types.RegionPageDocument,
    "\n  mutation SetCoverageTarget($regionId: ID!, $year: Int!, $ratio: Float!) {\n    setCoverageTarget(regionId: $regionId, year: $year, ratio: $ratio) { regionId year ratio }\n  }\n": typeof types.SetCoverageTargetDocument,
    "\n  query UncoveredSchools($id: ID!, $asOf: Date, $after: String, $search: String) {\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      uncoveredSchools(first: 20, after: $after, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id name stage locale studentCount region { id name } } }\n      }\n    }\n  }\n": typeof types.UncoveredSchoolsDocument,
    "\n  query ConsortiaOfRegion($regionId: ID!, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, kind: CONSORTIUM, search: $search }) { edges { node { id name } } }\n  }\n": typeof types.ConsortiaOfRegionDocument,
    "\n  mutation JoinConsortium($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n": typeof types.JoinConsortiumDocument,
    "\n  query SchoolPage($id: ID!) {\n    school(id: $id) {\n      id\n      name\n      stage\n      locale\n      studentCount\n      teacherCount\n      region { id name }\n      campusOf { id name }\n      memberships(includeFormer: true) { id role pairing joinedOn leftOn group { id name kind mode } }\n    }\n  }\n": typeof types.SchoolPageDocument,
    "\n  query SchoolTeachers($id: ID!, $search: String, $after: String) {\n    teachers(first: 20, after: $after, filter: { schoolId: $id, search: $search }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name subjects title yearsOfExperience email phone honours } }\n    }\n  }\n": typeof types.SchoolTeachersDocument,
    "\n  query ScheduleChoices($groupId: ID!, $search: String) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n    teachers(first: 50, filter: { groupId: $groupId, search: $search }) { edges { node { id name school { id name } } } }\n    lessonPlans(first: 100, filter: { groupId: $groupId, kind: TEAM }) { edges { node { id title status } } }\n  }\n": typeof types.ScheduleChoicesDocument,
    "mutation ScheduleSession($input: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $input) { id } }": typeof types.ScheduleSessionDocument,
    "\n  mutation UpdateSession($input: UpdateResearchSessionInput!) {\n    updateResearchSession(input: $input) { id mode startsAt endsAt subject grade location meetingUrl agenda { title durationMinutes speaker } }\n  }\n": typeof types.UpdateSessionDocument,
    "\n  mutation CorrectMinutes($id: ID!, $minutes: String!) {\n    correctResearchSessionMinutes(sessionId: $id, minutes: $minutes) { id minutes minutesHistory { version minutes writtenAt } }\n  }\n": typeof types.CorrectMinutesDocument,
    "\n  query SessionPage($id: ID!) {\n    researchSession(id: $id) {\n      id title topic type mode status startsAt endsAt minutes cancelReason agendaIndex hostSchoolId lastSeq subject grade location meetingUrl\n      minutesHistory { version minutes writtenAt }\n      absentees { id name }\n      agenda { title durationMinutes speaker }\n      group { id name region { id parent { id parent { id parent { id } } } } }\n      hostSchool { id name }\n      invitedSchools { id name }\n      attendance { id checkedInAt teacher { id name } school { id name } }\n      lessonPlans { id title status subject grade }\n    }\n  }\n": typeof types.SessionPageDocument,
    "mutation StartSession($id: ID!) { startResearchSession(id: $id) { id status agendaIndex } }": typeof types.StartSessionDocument,
    "mutation AdvanceAgenda($id: ID!) { advanceSessionAgenda(id: $id) { id agendaIndex } }": typeof types.AdvanceAgendaDocument,
    "mutation EndSession($id: ID!, $minutes: String) { endResearchSession(id: $id, minutes: $minutes) { id status minutes } }": typeof types.EndSessionDocument,
    "mutation CancelSession($id: ID!, $reason: String!) { cancelResearchSession(id: $id, reason: $reason) { id status cancelReason } }": typeof types.CancelSessionDocument,
    "mutation CheckIn($id: ID!) { checkInResearchSession(sessionId: $id) { id } }": typeof types.CheckInDocument,
    "subscription SessionWaiting($id: ID!, $afterSeq: Int) { researchSessionEvents(sessionId: $id, afterSeq: $afterSeq) { seq type } }": typeof types.SessionWaitingDocument,
    "\n  query Sessions($filter: ResearchSessionFilter, $after: String) {\n    researchSessions(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type mode status overdue startsAt endsAt group { id name } hostSchool { id name } } }\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  query MyGroups($filter: SchoolGroupFilter) {\n    schoolGroups(first: 100, filter: $filter) { edges { node { id name } } }\n  }\n": typeof types.MyGroupsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      teacher { id name school { id name } }\n      roles { id role scopeId }\n    }\n  }\n": types.MeDocument,
    "\n  mutation CreateDownloadLink($path: String!) {\n    createDownloadLink(path: $path) { url expiresAt }\n  }\n": types.CreateDownloadLinkDocument,
    "\n  query GroupChoices($regionId: ID, $schoolId: ID, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, schoolId: $schoolId, search: $search }) { edges { node { id name } } }\n  }\n": types.GroupChoicesDocument,
    "\n  query GroupChoice($id: ID!) {\n    schoolGroup(id: $id) { id name }\n  }\n": types.GroupChoiceDocument,
    "\n  query GroupTeachers($groupId: ID!, $search: String) {\n    teachers(first: 20, filter: { groupId: $groupId, search: $search }) {\n      edges { node { id name schoolId subjects yearsOfExperience honours school { id name } } }\n    }\n  }\n": types.GroupTeachersDocument,
    "\n  query MemberSchools($groupId: ID!) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n  }\n": types.MemberSchoolsDocument,
    "\n  query Labels {\n    labels { enum value zh en }\n  }\n": types.LabelsDocument,
    "\n  query ScopeName($region: ID!, $group: ID!, $school: ID!, $isRegion: Boolean!, $isGroup: Boolean!, $isSchool: Boolean!) {\n    region(id: $region) @include(if: $isRegion) { id name }\n    schoolGroup(id: $group) @include(if: $isGroup) { id name }\n    school(id: $school) @include(if: $isSchool) { id name }\n  }\n": types.ScopeNameDocument,
    "\n  query MyNotifications($first: Int, $after: String, $locale: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id kind title(locale: $locale) body(locale: $locale) link read createdAt } }\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { id }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) { unreadCount notifications { id read } }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query StudentActivities($groupId: ID!, $type: StudentActivityType, $from: Date, $to: Date, $after: String) {\n    studentActivities(first: 20, after: $after, filter: { groupId: $groupId, type: $type, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type heldOn participantCount description schools { id name } } }\n    }\n  }\n": types.StudentActivitiesDocument,
    "\n  mutation RecordStudentActivity($input: RecordStudentActivityInput!) {\n    recordStudentActivity(input: $input) { id }\n  }\n": types.RecordStudentActivityDocument,
    "\n  query BalancePage($id: ID!, $year: Int!) {\n    region(id: $id) { id name level parent { id name } }\n    balanceReport(regionId: $id, year: $year) {\n      asOf wholeRegion exchangesCounted\n      excluded { school { id name } reason students }\n      stages {\n        stage students compliantSchools holds\n        indicators { key standard value coefficient threshold holds pulls { school { id name } share } }\n        schools { school { id name } students teachers values { key value meets } met complies missing }\n      }\n    }\n  }\n": types.BalancePageDocument,
    "\n  query BalanceHistory($id: ID!, $year: Int!) {\n    balanceHistory(regionId: $id, year: $year, years: 5) { year stages { stage indicators { key coefficient threshold } } }\n  }\n": types.BalanceHistoryDocument,
    "\n  query BalancePlan($id: ID!, $year: Int!, $maxMoves: Int, $across: Boolean) {\n    suggestBalancingRotations(regionId: $id, year: $year, maxMoves: $maxMoves, acrossGroups: $across) {\n      reachesThresholds maxMoves acrossGroups\n      moves { teacher { id name } from { id name } to { id name } stage indicator groupId coefficientBefore coefficientAfter reason }\n      coefficients { stage key threshold before after holdsBefore holdsAfter }\n    }\n  }\n": types.BalancePlanDocument,
    "\n  query BalanceWhatIf($id: ID!, $year: Int!, $moves: [BalanceMoveInput!]!) {\n    simulateBalance(regionId: $id, year: $year, moves: $moves) { stages { stage holds indicators { key coefficient holds } } }\n  }\n": types.BalanceWhatIfDocument,
    "\n  query BalanceSchoolTeachers($schoolId: ID!, $search: String) {\n    teachers(filter: { schoolId: $schoolId, search: $search }, first: 100) { edges { node { id name subjects honours backboneLevel educationLevel } } totalCount }\n  }\n": types.BalanceSchoolTeachersDocument,
    "\n  mutation CreateBalancingExchanges($input: CreateBalancingExchangesInput!) {\n    createBalancingExchanges(input: $input) { id }\n  }\n": types.CreateBalancingExchangesDocument,
    "\n  query Exchanges($groupId: ID!, $kind: ExchangeKind, $from: Date, $to: Date, $after: String) {\n    teacherExchanges(first: 20, after: $after, filter: { groupId: $groupId, kind: $kind, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind startsOn endsOn note teacher { id name } fromSchool { id name } toSchool { id name } } }\n    }\n  }\n": types.ExchangesDocument,
    "\n  mutation RecordTeacherExchange($input: RecordTeacherExchangeInput!) {\n    recordTeacherExchange(input: $input) { id }\n  }\n": types.RecordTeacherExchangeDocument,
    "\n  mutation EndTeacherExchange($id: ID!, $endsOn: Date!) {\n    endTeacherExchange(id: $id, endsOn: $endsOn) { id endsOn }\n  }\n": types.EndTeacherExchangeDocument,
    "\n  query GroupActivity($id: ID!, $from: Date!, $to: Date!) {\n    groupActivitySummary(groupId: $id, from: $from, to: $to) {\n      from\n      to\n      researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n      mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      byMonth {\n        month\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n      bySchool {\n        school { id name }\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n    }\n  }\n": types.GroupActivityDocument,
    "\n  query GroupMembers($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      members(includeFormer: true) { id role pairing joinedOn leftOn school { id name stage locale studentCount } }\n    }\n  }\n": types.GroupMembersDocument,
    "\n  query SchoolsToAdd($regionId: ID!, $search: String) {\n    schools(first: 20, filter: { regionId: $regionId, search: $search }) { edges { node { id name } } }\n  }\n": types.SchoolsToAddDocument,
    "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n": types.AddGroupMemberDocument,
    "\n  mutation RemoveGroupMember($groupId: ID!, $schoolId: ID!) {\n    removeGroupMember(groupId: $groupId, schoolId: $schoolId) { id leftOn }\n  }\n": types.RemoveGroupMemberDocument,
    "\n  query GroupPage($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      name\n      kind\n      mode\n      level\n      status\n      foundedOn\n      dissolvedOn\n      crossRegion\n      profiles { validFrom mode level }\n      regionId\n      region { id name parent { id parent { id parent { id } } } }\n      leadSchool { id name }\n    }\n  }\n": types.GroupPageDocument,
    "\n  query GroupRotation($id: ID!, $year: Int!) {\n    groupRotation(groupId: $id, year: $year) {\n      rotationRatio\n      rotationGap\n      backboneShare\n      teachersToRotate\n      quota { minRotationRatio minBackboneRatio }\n    }\n  }\n": types.GroupRotationDocument,
    "\n  mutation UpdateSchoolGroup($input: UpdateSchoolGroupInput!) {\n    updateSchoolGroup(input: $input) { id name mode level status dissolvedOn profiles { validFrom mode level } }\n  }\n": types.UpdateSchoolGroupDocument,
    "\n  query TopRegions {\n    regions { id name level }\n  }\n": types.TopRegionsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt mustChangePassword user { id displayName } }\n  }\n": types.LoginDocument,
    "\n  mutation ChoosePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next) { token expiresAt }\n  }\n": types.ChoosePasswordDocument,
    "\n  query GroupMentoringPairs($groupId: ID!, $status: MentoringStatus, $after: String) {\n    schoolGroup(id: $groupId) { id name mentorCapacity }\n    active: mentoringPairs(first: 1, filter: { groupId: $groupId, status: ACTIVE }) { totalCount }\n    proposed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: PROPOSED }) { totalCount }\n    completed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: COMPLETED }) { totalCount }\n    dissolved: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DISSOLVED }) { totalCount }\n    declined: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DECLINED }) { totalCount }\n    mentoringPairs(first: 20, after: $after, filter: { groupId: $groupId, status: $status }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...MentoringPairFields } }\n    }\n  }\n": types.GroupMentoringPairsDocument,
    "\n  query OptimalPairs($groupId: ID!, $subject: String) {\n    suggestMentoringPairs(groupId: $groupId, subject: $subject) {\n      subject\n      score\n      reasons\n      mentor { ...TeacherAtSchool }\n      apprentice { ...TeacherAtSchool }\n    }\n  }\n": types.OptimalPairsDocument,
    "\n  mutation ProposeMentoringPair($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n": types.ProposeMentoringPairDocument,
    "\n  mutation SetMentorCapacity($groupId: ID!, $capacity: Int!) {\n    setMentorCapacity(groupId: $groupId, capacity: $capacity) { id mentorCapacity }\n  }\n": types.SetMentorCapacityDocument,
    "\n  query MyMentoringPairs($teacherId: ID!) {\n    me { id teacher { id name subjects school { id name } } }\n    mentoringPairs(first: 50, filter: { teacherId: $teacherId }) { totalCount edges { node { ...MentoringPairFields } } }\n  }\n": types.MyMentoringPairsDocument,
    "\n  mutation RequestMentorship($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n": types.RequestMentorshipDocument,
    "\n  mutation RespondToMentorship($pairId: ID!, $accept: Boolean!, $note: String) {\n    respondToMentorship(pairId: $pairId, accept: $accept, note: $note) { id status responseNote activatedOn plannedEndOn }\n  }\n": types.RespondToMentorshipDocument,
    "\n  mutation LogMentoringActivity($input: LogMentoringActivityInput!) {\n    logMentoringActivity(input: $input) { id }\n  }\n": types.LogMentoringActivityDocument,
    "\n  mutation EvaluateMentoringPair($input: EvaluateMentoringPairInput!) {\n    evaluateMentoringPair(input: $input) { id }\n  }\n": types.EvaluateMentoringPairDocument,
    "\n  mutation CompleteMentoringPair($pairId: ID!, $evaluation: String!) {\n    completeMentoringPair(pairId: $pairId, evaluation: $evaluation) { id status endedOn evaluation }\n  }\n": types.CompleteMentoringPairDocument,
    "\n  mutation DissolveMentoringPair($pairId: ID!, $reason: String!) {\n    dissolveMentoringPair(pairId: $pairId, reason: $reason) { id status endedOn dissolveReason }\n  }\n": types.DissolveMentoringPairDocument,
    "\n  fragment TeacherAtSchool on Teacher { id name school { id name } }\n": types.TeacherAtSchoolFragmentDoc,
    "\n  fragment MentoringPairFields on MentoringPair {\n    id\n    groupId\n    subject\n    status\n    proposedBy\n    goals\n    activatedOn\n    plannedEndOn\n    endedOn\n    responseNote\n    dissolveReason\n    evaluation\n    activityCount\n    mentor { ...TeacherAtSchool }\n    apprentice { ...TeacherAtSchool }\n  }\n": types.MentoringPairFieldsFragmentDoc,
    "\n  query MentoringPair($id: ID!) {\n    mentoringPair(id: $id) {\n      id\n      activityCount\n      activities { id kind occurredOn durationMinutes notes loggedByTeacherId }\n      evaluations { id period comment scores { goal score } }\n    }\n  }\n": types.MentoringPairDocument,
    "\n  query SuggestMentors($groupId: ID!, $apprenticeId: ID!, $subject: String!) {\n    suggestMentors(groupId: $groupId, apprenticeTeacherId: $apprenticeId, subject: $subject, first: 8) {\n      score\n      reasons\n      teacher { id name yearsOfExperience school { id name } }\n    }\n  }\n": types.SuggestMentorsDocument,
    "\n  query MyPrepTeams {\n    lessonPrepTeams(first: 100) { edges { node { id name subject grade group { id name } members { id } } } }\n  }\n": types.MyPrepTeamsDocument,
    "mutation CreatePlan($input: CreateLessonPlanInput!) { createLessonPlan(input: $input) { id } }": types.CreatePlanDocument,
    "mutation SubmitPlan($id: ID!) { submitLessonPlanForReview(id: $id) { id status viewerActions } }": types.SubmitPlanDocument,
    "mutation ReviewPlan($id: ID!, $approve: Boolean!, $note: String) { reviewLessonPlan(id: $id, approve: $approve, note: $note) { id status reviewNote viewerActions } }": types.ReviewPlanDocument,
    "mutation PublishPlan($id: ID!) { publishLessonPlan(id: $id) { id status publishedVersion viewerActions } }": types.PublishPlanDocument,
    "mutation ArchivePlan($id: ID!) { archiveLessonPlan(id: $id) { id status viewerActions } }": types.ArchivePlanDocument,
    "mutation AdaptPlan($id: ID!) { adaptLessonPlan(planId: $id) { id } }": types.AdaptPlanDocument,
    "mutation RecordAdoption($input: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $input) { id } }": types.RecordAdoptionDocument,
    "\n  query PlanComments($id: ID!, $version: Int!, $includeResolved: Boolean!) {\n    lessonPlan(id: $id) {\n      id\n      comments(version: $version, includeResolved: $includeResolved) {\n        id text createdAt resolved version\n        anchor { section fromLine toLine }\n        author { id displayName }\n        authorTeacher { id name }\n        replies { id text createdAt author { id displayName } authorTeacher { id name } }\n      }\n    }\n  }\n": types.PlanCommentsDocument,
    "mutation CommentOnPlan($input: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $input) { id } }": types.CommentOnPlanDocument,
    "mutation ResolvePlanComment($id: ID!) { resolveLessonPlanComment(commentId: $id) { id resolved } }": types.ResolvePlanCommentDocument,
    "\n  query PlanLatest($id: ID!) {\n    lessonPlan(id: $id) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n": types.PlanLatestDocument,
    "\n  mutation UpdatePlan($id: ID!, $expectedVersion: Int!, $input: UpdateLessonPlanInput!) {\n    updateLessonPlan(id: $id, expectedVersion: $expectedVersion, input: $input) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n": types.UpdatePlanDocument,
    "\n  query PlanDiff($id: ID!, $from: Int!, $to: Int!) {\n    lessonPlanDiff(id: $id, fromVersion: $from, toVersion: $to) {\n      fromVersion toVersion changedFields linesAdded linesRemoved\n      contentLines { op text fromLine toLine }\n      fieldChanges { field before after }\n    }\n  }\n": types.PlanDiffDocument,
    "\n  query PlanPage($id: ID!) {\n    lessonPlan(id: $id) {\n      id kind title unit subject grade objectives keyPoints content status version publishedVersion viewerSeesDrafts viewerActions\n      reviewNote updatedAt adaptationCount\n      resources { title url }\n      group { id name members { id school { id name } } }\n      team { id name leader { id name } reviewer { id name } }\n      mainPreparer { id name }\n      owner { id name }\n      adaptedFrom {\n        version latestPublishedVersion hasNewerVersion\n        plan { id title }\n        diffSinceAdapted { fromVersion toVersion linesAdded linesRemoved changedFields contentLines { op text fromLine toLine } }\n      }\n      revisions { version title note content createdAt publishedAt author { id name } authorUser { id displayName } }\n      adoptions { id taughtOn className reflection version school { id name } teacher { id name } }\n    }\n  }\n": types.PlanPageDocument,
    "\n  query Plans($filter: LessonPlanFilter, $after: String) {\n    lessonPlans(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title subject grade unit status version publishedVersion updatedAt kind\n          group { id name }\n          team { id name }\n          mainPreparer { id name }\n          owner { id name }\n          adaptedFrom { hasNewerVersion }\n        }\n      }\n    }\n  }\n": types.PlansDocument,
    "\n  subscription PlanEvents($planId: ID!) {\n    lessonPlanEvents(planId: $planId) { type version status at actorUserId }\n  }\n": types.PlanEventsDocument,
    "\n  query CoverageTrend($id: ID!, $asOf: Date) {\n    regionCoverageTrend(regionId: $id, months: 24, asOf: $asOf) {\n      points { month ratio coveredSchools compulsorySchools target { ratio } }\n    }\n  }\n": types.CoverageTrendDocument,
    "\n  query RegionActivity($id: ID!, $from: Date!, $to: Date!) {\n    regionActivitySummary(regionId: $id, from: $from, to: $to) {\n      groups researchSessions teacherParticipations studentActivities studentParticipants lessonPrepTeams\n      mentoringPairsFormed mentoringPairsActive teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n    }\n  }\n": types.RegionActivityDocument,
    "\n  query RegionBreakdown($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {\n    regionBreakdown(regionId: $id, from: $from, to: $to, asOf: $asOf) {\n      rows {\n        region { id name level }\n        ratio coveredSchools compulsorySchools target { ratio } gap consortia researchSessions mentoringPairsActive teacherExchanges\n      }\n    }\n  }\n": types.RegionBreakdownDocument,
    "\n  query RegionGroups($id: ID!, $from: Date!, $to: Date!) {\n    regionGroupBreakdown(regionId: $id, from: $from, to: $to) {\n      rows { group { id name } kind mode level memberSchools researchSessions teacherParticipations mentoringPairsActive teacherExchanges studentActivities lessonPlanAdoptions }\n    }\n  }\n": types.RegionGroupsDocument,
    "\n  query RegionPage($id: ID!, $asOf: Date) {\n    region(id: $id) { id name level parent { id name parent { id name parent { id } } } }\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      asOf\n      ratio\n      coveredSchools\n      compulsorySchools\n      studentsCovered\n      compulsoryStudents\n      consortia\n      consortiaByMode { key count }\n      consortiaByLevel { key count }\n      target { year ratio }\n      gap\n    }\n  }\n": types.RegionPageDocument,
    "\n  mutation SetCoverageTarget($regionId: ID!, $year: Int!, $ratio: Float!) {\n    setCoverageTarget(regionId: $regionId, year: $year, ratio: $ratio) { regionId year ratio }\n  }\n": types.SetCoverageTargetDocument,
    "\n  query UncoveredSchools($id: ID!, $asOf: Date, $after: String, $search: String) {\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      uncoveredSchools(first: 20, after: $after, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id name stage locale studentCount region { id name } } }\n      }\n    }\n  }\n": types.UncoveredSchoolsDocument,
    "\n  query ConsortiaOfRegion($regionId: ID!, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, kind: CONSORTIUM, search: $search }) { edges { node { id name } } }\n  }\n": types.ConsortiaOfRegionDocument,
    "\n  mutation JoinConsortium($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n": types.JoinConsortiumDocument,
    "\n  query SchoolPage($id: ID!) {\n    school(id: $id) {\n      id\n      name\n      stage\n      locale\n      studentCount\n      teacherCount\n      region { id name }\n      campusOf { id name }\n      memberships(includeFormer: true) { id role pairing joinedOn leftOn group { id name kind mode } }\n    }\n  }\n": types.SchoolPageDocument,
    "\n  query SchoolTeachers($id: ID!, $search: String, $after: String) {\n    teachers(first: 20, after: $after, filter: { schoolId: $id, search: $search }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name subjects title yearsOfExperience email phone honours } }\n    }\n  }\n": types.SchoolTeachersDocument,
    "\n  query ScheduleChoices($groupId: ID!, $search: String) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n    teachers(first: 50, filter: { groupId: $groupId, search: $search }) { edges { node { id name school { id name } } } }\n    lessonPlans(first: 100, filter: { groupId: $groupId, kind: TEAM }) { edges { node { id title status } } }\n  }\n": types.ScheduleChoicesDocument,
    "mutation ScheduleSession($input: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $input) { id } }": types.ScheduleSessionDocument,
    "\n  mutation UpdateSession($input: UpdateResearchSessionInput!) {\n    updateResearchSession(input: $input) { id mode startsAt endsAt subject grade location meetingUrl agenda { title durationMinutes speaker } }\n  }\n": types.UpdateSessionDocument,
    "\n  mutation CorrectMinutes($id: ID!, $minutes: String!) {\n    correctResearchSessionMinutes(sessionId: $id, minutes: $minutes) { id minutes minutesHistory { version minutes writtenAt } }\n  }\n": types.CorrectMinutesDocument,
    "\n  query SessionPage($id: ID!) {\n    researchSession(id: $id) {\n      id title topic type mode status startsAt endsAt minutes cancelReason agendaIndex hostSchoolId lastSeq subject grade location meetingUrl\n      minutesHistory { version minutes writtenAt }\n      absentees { id name }\n      agenda { title durationMinutes speaker }\n      group { id name region { id parent { id parent { id parent { id } } } } }\n      hostSchool { id name }\n      invitedSchools { id name }\n      attendance { id checkedInAt teacher { id name } school { id name } }\n      lessonPlans { id title status subject grade }\n    }\n  }\n": types.SessionPageDocument,
    "mutation StartSession($id: ID!) { startResearchSession(id: $id) { id status agendaIndex } }": types.StartSessionDocument,
    "mutation AdvanceAgenda($id: ID!) { advanceSessionAgenda(id: $id) { id agendaIndex } }": types.AdvanceAgendaDocument,
    "mutation EndSession($id: ID!, $minutes: String) { endResearchSession(id: $id, minutes: $minutes) { id status minutes } }": types.EndSessionDocument,
    "mutation CancelSession($id: ID!, $reason: String!) { cancelResearchSession(id: $id, reason: $reason) { id status cancelReason } }": types.CancelSessionDocument,
    "mutation CheckIn($id: ID!) { checkInResearchSession(sessionId: $id) { id } }": types.CheckInDocument,
    "subscription SessionWaiting($id: ID!, $afterSeq: Int) { researchSessionEvents(sessionId: $id, afterSeq: $afterSeq) { seq type } }": types.SessionWaitingDocument,
    "\n  query Sessions($filter: ResearchSessionFilter, $after: String) {\n    researchSessions(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type mode status overdue startsAt endsAt group { id name } hostSchool { id name } } }\n    }\n  }\n": types.SessionsDocument,
    "\n  query MyGroups($filter: SchoolGroupFilter) {\n    schoolGroups(first: 100, filter: $filter) { edges { node { id name } } }\n  }\n": types.MyGroupsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      teacher { id name school { id name } }\n      roles { id role scopeId }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      email\n      teacher { id name school { id name } }\n      roles { id role scopeId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDownloadLink($path: String!) {\n    createDownloadLink(path: $path) { url expiresAt }\n  }\n"): (typeof documents)["\n  mutation CreateDownloadLink($path: String!) {\n    createDownloadLink(path: $path) { url expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupChoices($regionId: ID, $schoolId: ID, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, schoolId: $schoolId, search: $search }) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query GroupChoices($regionId: ID, $schoolId: ID, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, schoolId: $schoolId, search: $search }) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupChoice($id: ID!) {\n    schoolGroup(id: $id) { id name }\n  }\n"): (typeof documents)["\n  query GroupChoice($id: ID!) {\n    schoolGroup(id: $id) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupTeachers($groupId: ID!, $search: String) {\n    teachers(first: 20, filter: { groupId: $groupId, search: $search }) {\n      edges { node { id name schoolId subjects yearsOfExperience honours school { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query GroupTeachers($groupId: ID!, $search: String) {\n    teachers(first: 20, filter: { groupId: $groupId, search: $search }) {\n      edges { node { id name schoolId subjects yearsOfExperience honours school { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberSchools($groupId: ID!) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n  }\n"): (typeof documents)["\n  query MemberSchools($groupId: ID!) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Labels {\n    labels { enum value zh en }\n  }\n"): (typeof documents)["\n  query Labels {\n    labels { enum value zh en }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeName($region: ID!, $group: ID!, $school: ID!, $isRegion: Boolean!, $isGroup: Boolean!, $isSchool: Boolean!) {\n    region(id: $region) @include(if: $isRegion) { id name }\n    schoolGroup(id: $group) @include(if: $isGroup) { id name }\n    school(id: $school) @include(if: $isSchool) { id name }\n  }\n"): (typeof documents)["\n  query ScopeName($region: ID!, $group: ID!, $school: ID!, $isRegion: Boolean!, $isGroup: Boolean!, $isSchool: Boolean!) {\n    region(id: $region) @include(if: $isRegion) { id name }\n    schoolGroup(id: $group) @include(if: $isGroup) { id name }\n    school(id: $school) @include(if: $isSchool) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications($first: Int, $after: String, $locale: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id kind title(locale: $locale) body(locale: $locale) link read createdAt } }\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications($first: Int, $after: String, $locale: String) {\n    notifications(first: $first, after: $after) {\n      totalCount\n      unreadCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id kind title(locale: $locale) body(locale: $locale) link read createdAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded { id }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) { unreadCount notifications { id read } }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) { unreadCount notifications { id read } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudentActivities($groupId: ID!, $type: StudentActivityType, $from: Date, $to: Date, $after: String) {\n    studentActivities(first: 20, after: $after, filter: { groupId: $groupId, type: $type, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type heldOn participantCount description schools { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query StudentActivities($groupId: ID!, $type: StudentActivityType, $from: Date, $to: Date, $after: String) {\n    studentActivities(first: 20, after: $after, filter: { groupId: $groupId, type: $type, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type heldOn participantCount description schools { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordStudentActivity($input: RecordStudentActivityInput!) {\n    recordStudentActivity(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation RecordStudentActivity($input: RecordStudentActivityInput!) {\n    recordStudentActivity(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalancePage($id: ID!, $year: Int!) {\n    region(id: $id) { id name level parent { id name } }\n    balanceReport(regionId: $id, year: $year) {\n      asOf wholeRegion exchangesCounted\n      excluded { school { id name } reason students }\n      stages {\n        stage students compliantSchools holds\n        indicators { key standard value coefficient threshold holds pulls { school { id name } share } }\n        schools { school { id name } students teachers values { key value meets } met complies missing }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BalancePage($id: ID!, $year: Int!) {\n    region(id: $id) { id name level parent { id name } }\n    balanceReport(regionId: $id, year: $year) {\n      asOf wholeRegion exchangesCounted\n      excluded { school { id name } reason students }\n      stages {\n        stage students compliantSchools holds\n        indicators { key standard value coefficient threshold holds pulls { school { id name } share } }\n        schools { school { id name } students teachers values { key value meets } met complies missing }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalanceHistory($id: ID!, $year: Int!) {\n    balanceHistory(regionId: $id, year: $year, years: 5) { year stages { stage indicators { key coefficient threshold } } }\n  }\n"): (typeof documents)["\n  query BalanceHistory($id: ID!, $year: Int!) {\n    balanceHistory(regionId: $id, year: $year, years: 5) { year stages { stage indicators { key coefficient threshold } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalancePlan($id: ID!, $year: Int!, $maxMoves: Int, $across: Boolean) {\n    suggestBalancingRotations(regionId: $id, year: $year, maxMoves: $maxMoves, acrossGroups: $across) {\n      reachesThresholds maxMoves acrossGroups\n      moves { teacher { id name } from { id name } to { id name } stage indicator groupId coefficientBefore coefficientAfter reason }\n      coefficients { stage key threshold before after holdsBefore holdsAfter }\n    }\n  }\n"): (typeof documents)["\n  query BalancePlan($id: ID!, $year: Int!, $maxMoves: Int, $across: Boolean) {\n    suggestBalancingRotations(regionId: $id, year: $year, maxMoves: $maxMoves, acrossGroups: $across) {\n      reachesThresholds maxMoves acrossGroups\n      moves { teacher { id name } from { id name } to { id name } stage indicator groupId coefficientBefore coefficientAfter reason }\n      coefficients { stage key threshold before after holdsBefore holdsAfter }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalanceWhatIf($id: ID!, $year: Int!, $moves: [BalanceMoveInput!]!) {\n    simulateBalance(regionId: $id, year: $year, moves: $moves) { stages { stage holds indicators { key coefficient holds } } }\n  }\n"): (typeof documents)["\n  query BalanceWhatIf($id: ID!, $year: Int!, $moves: [BalanceMoveInput!]!) {\n    simulateBalance(regionId: $id, year: $year, moves: $moves) { stages { stage holds indicators { key coefficient holds } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalanceSchoolTeachers($schoolId: ID!, $search: String) {\n    teachers(filter: { schoolId: $schoolId, search: $search }, first: 100) { edges { node { id name subjects honours backboneLevel educationLevel } } totalCount }\n  }\n"): (typeof documents)["\n  query BalanceSchoolTeachers($schoolId: ID!, $search: String) {\n    teachers(filter: { schoolId: $schoolId, search: $search }, first: 100) { edges { node { id name subjects honours backboneLevel educationLevel } } totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBalancingExchanges($input: CreateBalancingExchangesInput!) {\n    createBalancingExchanges(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CreateBalancingExchanges($input: CreateBalancingExchangesInput!) {\n    createBalancingExchanges(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Exchanges($groupId: ID!, $kind: ExchangeKind, $from: Date, $to: Date, $after: String) {\n    teacherExchanges(first: 20, after: $after, filter: { groupId: $groupId, kind: $kind, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind startsOn endsOn note teacher { id name } fromSchool { id name } toSchool { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query Exchanges($groupId: ID!, $kind: ExchangeKind, $from: Date, $to: Date, $after: String) {\n    teacherExchanges(first: 20, after: $after, filter: { groupId: $groupId, kind: $kind, from: $from, to: $to }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id kind startsOn endsOn note teacher { id name } fromSchool { id name } toSchool { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTeacherExchange($input: RecordTeacherExchangeInput!) {\n    recordTeacherExchange(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation RecordTeacherExchange($input: RecordTeacherExchangeInput!) {\n    recordTeacherExchange(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndTeacherExchange($id: ID!, $endsOn: Date!) {\n    endTeacherExchange(id: $id, endsOn: $endsOn) { id endsOn }\n  }\n"): (typeof documents)["\n  mutation EndTeacherExchange($id: ID!, $endsOn: Date!) {\n    endTeacherExchange(id: $id, endsOn: $endsOn) { id endsOn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupActivity($id: ID!, $from: Date!, $to: Date!) {\n    groupActivitySummary(groupId: $id, from: $from, to: $to) {\n      from\n      to\n      researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n      mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      byMonth {\n        month\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n      bySchool {\n        school { id name }\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupActivity($id: ID!, $from: Date!, $to: Date!) {\n    groupActivitySummary(groupId: $id, from: $from, to: $to) {\n      from\n      to\n      researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n      mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      byMonth {\n        month\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n      bySchool {\n        school { id name }\n        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive\n        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      members(includeFormer: true) { id role pairing joinedOn leftOn school { id name stage locale studentCount } }\n    }\n  }\n"): (typeof documents)["\n  query GroupMembers($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      members(includeFormer: true) { id role pairing joinedOn leftOn school { id name stage locale studentCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolsToAdd($regionId: ID!, $search: String) {\n    schools(first: 20, filter: { regionId: $regionId, search: $search }) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query SchoolsToAdd($regionId: ID!, $search: String) {\n    schools(first: 20, filter: { regionId: $regionId, search: $search }) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddGroupMember($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveGroupMember($groupId: ID!, $schoolId: ID!) {\n    removeGroupMember(groupId: $groupId, schoolId: $schoolId) { id leftOn }\n  }\n"): (typeof documents)["\n  mutation RemoveGroupMember($groupId: ID!, $schoolId: ID!) {\n    removeGroupMember(groupId: $groupId, schoolId: $schoolId) { id leftOn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupPage($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      name\n      kind\n      mode\n      level\n      status\n      foundedOn\n      dissolvedOn\n      crossRegion\n      profiles { validFrom mode level }\n      regionId\n      region { id name parent { id parent { id parent { id } } } }\n      leadSchool { id name }\n    }\n  }\n"): (typeof documents)["\n  query GroupPage($id: ID!) {\n    schoolGroup(id: $id) {\n      id\n      name\n      kind\n      mode\n      level\n      status\n      foundedOn\n      dissolvedOn\n      crossRegion\n      profiles { validFrom mode level }\n      regionId\n      region { id name parent { id parent { id parent { id } } } }\n      leadSchool { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupRotation($id: ID!, $year: Int!) {\n    groupRotation(groupId: $id, year: $year) {\n      rotationRatio\n      rotationGap\n      backboneShare\n      teachersToRotate\n      quota { minRotationRatio minBackboneRatio }\n    }\n  }\n"): (typeof documents)["\n  query GroupRotation($id: ID!, $year: Int!) {\n    groupRotation(groupId: $id, year: $year) {\n      rotationRatio\n      rotationGap\n      backboneShare\n      teachersToRotate\n      quota { minRotationRatio minBackboneRatio }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSchoolGroup($input: UpdateSchoolGroupInput!) {\n    updateSchoolGroup(input: $input) { id name mode level status dissolvedOn profiles { validFrom mode level } }\n  }\n"): (typeof documents)["\n  mutation UpdateSchoolGroup($input: UpdateSchoolGroupInput!) {\n    updateSchoolGroup(input: $input) { id name mode level status dissolvedOn profiles { validFrom mode level } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopRegions {\n    regions { id name level }\n  }\n"): (typeof documents)["\n  query TopRegions {\n    regions { id name level }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt mustChangePassword user { id displayName } }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt mustChangePassword user { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChoosePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next) { token expiresAt }\n  }\n"): (typeof documents)["\n  mutation ChoosePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next) { token expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMentoringPairs($groupId: ID!, $status: MentoringStatus, $after: String) {\n    schoolGroup(id: $groupId) { id name mentorCapacity }\n    active: mentoringPairs(first: 1, filter: { groupId: $groupId, status: ACTIVE }) { totalCount }\n    proposed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: PROPOSED }) { totalCount }\n    completed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: COMPLETED }) { totalCount }\n    dissolved: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DISSOLVED }) { totalCount }\n    declined: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DECLINED }) { totalCount }\n    mentoringPairs(first: 20, after: $after, filter: { groupId: $groupId, status: $status }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...MentoringPairFields } }\n    }\n  }\n"): (typeof documents)["\n  query GroupMentoringPairs($groupId: ID!, $status: MentoringStatus, $after: String) {\n    schoolGroup(id: $groupId) { id name mentorCapacity }\n    active: mentoringPairs(first: 1, filter: { groupId: $groupId, status: ACTIVE }) { totalCount }\n    proposed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: PROPOSED }) { totalCount }\n    completed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: COMPLETED }) { totalCount }\n    dissolved: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DISSOLVED }) { totalCount }\n    declined: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DECLINED }) { totalCount }\n    mentoringPairs(first: 20, after: $after, filter: { groupId: $groupId, status: $status }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...MentoringPairFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OptimalPairs($groupId: ID!, $subject: String) {\n    suggestMentoringPairs(groupId: $groupId, subject: $subject) {\n      subject\n      score\n      reasons\n      mentor { ...TeacherAtSchool }\n      apprentice { ...TeacherAtSchool }\n    }\n  }\n"): (typeof documents)["\n  query OptimalPairs($groupId: ID!, $subject: String) {\n    suggestMentoringPairs(groupId: $groupId, subject: $subject) {\n      subject\n      score\n      reasons\n      mentor { ...TeacherAtSchool }\n      apprentice { ...TeacherAtSchool }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeMentoringPair($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation ProposeMentoringPair($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMentorCapacity($groupId: ID!, $capacity: Int!) {\n    setMentorCapacity(groupId: $groupId, capacity: $capacity) { id mentorCapacity }\n  }\n"): (typeof documents)["\n  mutation SetMentorCapacity($groupId: ID!, $capacity: Int!) {\n    setMentorCapacity(groupId: $groupId, capacity: $capacity) { id mentorCapacity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMentoringPairs($teacherId: ID!) {\n    me { id teacher { id name subjects school { id name } } }\n    mentoringPairs(first: 50, filter: { teacherId: $teacherId }) { totalCount edges { node { ...MentoringPairFields } } }\n  }\n"): (typeof documents)["\n  query MyMentoringPairs($teacherId: ID!) {\n    me { id teacher { id name subjects school { id name } } }\n    mentoringPairs(first: 50, filter: { teacherId: $teacherId }) { totalCount edges { node { ...MentoringPairFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMentorship($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation RequestMentorship($input: RequestMentorshipInput!) {\n    requestMentorship(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToMentorship($pairId: ID!, $accept: Boolean!, $note: String) {\n    respondToMentorship(pairId: $pairId, accept: $accept, note: $note) { id status responseNote activatedOn plannedEndOn }\n  }\n"): (typeof documents)["\n  mutation RespondToMentorship($pairId: ID!, $accept: Boolean!, $note: String) {\n    respondToMentorship(pairId: $pairId, accept: $accept, note: $note) { id status responseNote activatedOn plannedEndOn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogMentoringActivity($input: LogMentoringActivityInput!) {\n    logMentoringActivity(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation LogMentoringActivity($input: LogMentoringActivityInput!) {\n    logMentoringActivity(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateMentoringPair($input: EvaluateMentoringPairInput!) {\n    evaluateMentoringPair(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation EvaluateMentoringPair($input: EvaluateMentoringPairInput!) {\n    evaluateMentoringPair(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteMentoringPair($pairId: ID!, $evaluation: String!) {\n    completeMentoringPair(pairId: $pairId, evaluation: $evaluation) { id status endedOn evaluation }\n  }\n"): (typeof documents)["\n  mutation CompleteMentoringPair($pairId: ID!, $evaluation: String!) {\n    completeMentoringPair(pairId: $pairId, evaluation: $evaluation) { id status endedOn evaluation }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DissolveMentoringPair($pairId: ID!, $reason: String!) {\n    dissolveMentoringPair(pairId: $pairId, reason: $reason) { id status endedOn dissolveReason }\n  }\n"): (typeof documents)["\n  mutation DissolveMentoringPair($pairId: ID!, $reason: String!) {\n    dissolveMentoringPair(pairId: $pairId, reason: $reason) { id status endedOn dissolveReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeacherAtSchool on Teacher { id name school { id name } }\n"): (typeof documents)["\n  fragment TeacherAtSchool on Teacher { id name school { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MentoringPairFields on MentoringPair {\n    id\n    groupId\n    subject\n    status\n    proposedBy\n    goals\n    activatedOn\n    plannedEndOn\n    endedOn\n    responseNote\n    dissolveReason\n    evaluation\n    activityCount\n    mentor { ...TeacherAtSchool }\n    apprentice { ...TeacherAtSchool }\n  }\n"): (typeof documents)["\n  fragment MentoringPairFields on MentoringPair {\n    id\n    groupId\n    subject\n    status\n    proposedBy\n    goals\n    activatedOn\n    plannedEndOn\n    endedOn\n    responseNote\n    dissolveReason\n    evaluation\n    activityCount\n    mentor { ...TeacherAtSchool }\n    apprentice { ...TeacherAtSchool }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentoringPair($id: ID!) {\n    mentoringPair(id: $id) {\n      id\n      activityCount\n      activities { id kind occurredOn durationMinutes notes loggedByTeacherId }\n      evaluations { id period comment scores { goal score } }\n    }\n  }\n"): (typeof documents)["\n  query MentoringPair($id: ID!) {\n    mentoringPair(id: $id) {\n      id\n      activityCount\n      activities { id kind occurredOn durationMinutes notes loggedByTeacherId }\n      evaluations { id period comment scores { goal score } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestMentors($groupId: ID!, $apprenticeId: ID!, $subject: String!) {\n    suggestMentors(groupId: $groupId, apprenticeTeacherId: $apprenticeId, subject: $subject, first: 8) {\n      score\n      reasons\n      teacher { id name yearsOfExperience school { id name } }\n    }\n  }\n"): (typeof documents)["\n  query SuggestMentors($groupId: ID!, $apprenticeId: ID!, $subject: String!) {\n    suggestMentors(groupId: $groupId, apprenticeTeacherId: $apprenticeId, subject: $subject, first: 8) {\n      score\n      reasons\n      teacher { id name yearsOfExperience school { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPrepTeams {\n    lessonPrepTeams(first: 100) { edges { node { id name subject grade group { id name } members { id } } } }\n  }\n"): (typeof documents)["\n  query MyPrepTeams {\n    lessonPrepTeams(first: 100) { edges { node { id name subject grade group { id name } members { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePlan($input: CreateLessonPlanInput!) { createLessonPlan(input: $input) { id } }"): (typeof documents)["mutation CreatePlan($input: CreateLessonPlanInput!) { createLessonPlan(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitPlan($id: ID!) { submitLessonPlanForReview(id: $id) { id status viewerActions } }"): (typeof documents)["mutation SubmitPlan($id: ID!) { submitLessonPlanForReview(id: $id) { id status viewerActions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewPlan($id: ID!, $approve: Boolean!, $note: String) { reviewLessonPlan(id: $id, approve: $approve, note: $note) { id status reviewNote viewerActions } }"): (typeof documents)["mutation ReviewPlan($id: ID!, $approve: Boolean!, $note: String) { reviewLessonPlan(id: $id, approve: $approve, note: $note) { id status reviewNote viewerActions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishPlan($id: ID!) { publishLessonPlan(id: $id) { id status publishedVersion viewerActions } }"): (typeof documents)["mutation PublishPlan($id: ID!) { publishLessonPlan(id: $id) { id status publishedVersion viewerActions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ArchivePlan($id: ID!) { archiveLessonPlan(id: $id) { id status viewerActions } }"): (typeof documents)["mutation ArchivePlan($id: ID!) { archiveLessonPlan(id: $id) { id status viewerActions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdaptPlan($id: ID!) { adaptLessonPlan(planId: $id) { id } }"): (typeof documents)["mutation AdaptPlan($id: ID!) { adaptLessonPlan(planId: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordAdoption($input: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $input) { id } }"): (typeof documents)["mutation RecordAdoption($input: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanComments($id: ID!, $version: Int!, $includeResolved: Boolean!) {\n    lessonPlan(id: $id) {\n      id\n      comments(version: $version, includeResolved: $includeResolved) {\n        id text createdAt resolved version\n        anchor { section fromLine toLine }\n        author { id displayName }\n        authorTeacher { id name }\n        replies { id text createdAt author { id displayName } authorTeacher { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanComments($id: ID!, $version: Int!, $includeResolved: Boolean!) {\n    lessonPlan(id: $id) {\n      id\n      comments(version: $version, includeResolved: $includeResolved) {\n        id text createdAt resolved version\n        anchor { section fromLine toLine }\n        author { id displayName }\n        authorTeacher { id name }\n        replies { id text createdAt author { id displayName } authorTeacher { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CommentOnPlan($input: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $input) { id } }"): (typeof documents)["mutation CommentOnPlan($input: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResolvePlanComment($id: ID!) { resolveLessonPlanComment(commentId: $id) { id resolved } }"): (typeof documents)["mutation ResolvePlanComment($id: ID!) { resolveLessonPlanComment(commentId: $id) { id resolved } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanLatest($id: ID!) {\n    lessonPlan(id: $id) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n"): (typeof documents)["\n  query PlanLatest($id: ID!) {\n    lessonPlan(id: $id) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlan($id: ID!, $expectedVersion: Int!, $input: UpdateLessonPlanInput!) {\n    updateLessonPlan(id: $id, expectedVersion: $expectedVersion, input: $input) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n"): (typeof documents)["\n  mutation UpdatePlan($id: ID!, $expectedVersion: Int!, $input: UpdateLessonPlanInput!) {\n    updateLessonPlan(id: $id, expectedVersion: $expectedVersion, input: $input) { id version status title unit objectives keyPoints content updatedAt resources { title url } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanDiff($id: ID!, $from: Int!, $to: Int!) {\n    lessonPlanDiff(id: $id, fromVersion: $from, toVersion: $to) {\n      fromVersion toVersion changedFields linesAdded linesRemoved\n      contentLines { op text fromLine toLine }\n      fieldChanges { field before after }\n    }\n  }\n"): (typeof documents)["\n  query PlanDiff($id: ID!, $from: Int!, $to: Int!) {\n    lessonPlanDiff(id: $id, fromVersion: $from, toVersion: $to) {\n      fromVersion toVersion changedFields linesAdded linesRemoved\n      contentLines { op text fromLine toLine }\n      fieldChanges { field before after }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanPage($id: ID!) {\n    lessonPlan(id: $id) {\n      id kind title unit subject grade objectives keyPoints content status version publishedVersion viewerSeesDrafts viewerActions\n      reviewNote updatedAt adaptationCount\n      resources { title url }\n      group { id name members { id school { id name } } }\n      team { id name leader { id name } reviewer { id name } }\n      mainPreparer { id name }\n      owner { id name }\n      adaptedFrom {\n        version latestPublishedVersion hasNewerVersion\n        plan { id title }\n        diffSinceAdapted { fromVersion toVersion linesAdded linesRemoved changedFields contentLines { op text fromLine toLine } }\n      }\n      revisions { version title note content createdAt publishedAt author { id name } authorUser { id displayName } }\n      adoptions { id taughtOn className reflection version school { id name } teacher { id name } }\n    }\n  }\n"): (typeof documents)["\n  query PlanPage($id: ID!) {\n    lessonPlan(id: $id) {\n      id kind title unit subject grade objectives keyPoints content status version publishedVersion viewerSeesDrafts viewerActions\n      reviewNote updatedAt adaptationCount\n      resources { title url }\n      group { id name members { id school { id name } } }\n      team { id name leader { id name } reviewer { id name } }\n      mainPreparer { id name }\n      owner { id name }\n      adaptedFrom {\n        version latestPublishedVersion hasNewerVersion\n        plan { id title }\n        diffSinceAdapted { fromVersion toVersion linesAdded linesRemoved changedFields contentLines { op text fromLine toLine } }\n      }\n      revisions { version title note content createdAt publishedAt author { id name } authorUser { id displayName } }\n      adoptions { id taughtOn className reflection version school { id name } teacher { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plans($filter: LessonPlanFilter, $after: String) {\n    lessonPlans(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title subject grade unit status version publishedVersion updatedAt kind\n          group { id name }\n          team { id name }\n          mainPreparer { id name }\n          owner { id name }\n          adaptedFrom { hasNewerVersion }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Plans($filter: LessonPlanFilter, $after: String) {\n    lessonPlans(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title subject grade unit status version publishedVersion updatedAt kind\n          group { id name }\n          team { id name }\n          mainPreparer { id name }\n          owner { id name }\n          adaptedFrom { hasNewerVersion }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PlanEvents($planId: ID!) {\n    lessonPlanEvents(planId: $planId) { type version status at actorUserId }\n  }\n"): (typeof documents)["\n  subscription PlanEvents($planId: ID!) {\n    lessonPlanEvents(planId: $planId) { type version status at actorUserId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageTrend($id: ID!, $asOf: Date) {\n    regionCoverageTrend(regionId: $id, months: 24, asOf: $asOf) {\n      points { month ratio coveredSchools compulsorySchools target { ratio } }\n    }\n  }\n"): (typeof documents)["\n  query CoverageTrend($id: ID!, $asOf: Date) {\n    regionCoverageTrend(regionId: $id, months: 24, asOf: $asOf) {\n      points { month ratio coveredSchools compulsorySchools target { ratio } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionActivity($id: ID!, $from: Date!, $to: Date!) {\n    regionActivitySummary(regionId: $id, from: $from, to: $to) {\n      groups researchSessions teacherParticipations studentActivities studentParticipants lessonPrepTeams\n      mentoringPairsFormed mentoringPairsActive teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n    }\n  }\n"): (typeof documents)["\n  query RegionActivity($id: ID!, $from: Date!, $to: Date!) {\n    regionActivitySummary(regionId: $id, from: $from, to: $to) {\n      groups researchSessions teacherParticipations studentActivities studentParticipants lessonPrepTeams\n      mentoringPairsFormed mentoringPairsActive teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionBreakdown($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {\n    regionBreakdown(regionId: $id, from: $from, to: $to, asOf: $asOf) {\n      rows {\n        region { id name level }\n        ratio coveredSchools compulsorySchools target { ratio } gap consortia researchSessions mentoringPairsActive teacherExchanges\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionBreakdown($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {\n    regionBreakdown(regionId: $id, from: $from, to: $to, asOf: $asOf) {\n      rows {\n        region { id name level }\n        ratio coveredSchools compulsorySchools target { ratio } gap consortia researchSessions mentoringPairsActive teacherExchanges\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionGroups($id: ID!, $from: Date!, $to: Date!) {\n    regionGroupBreakdown(regionId: $id, from: $from, to: $to) {\n      rows { group { id name } kind mode level memberSchools researchSessions teacherParticipations mentoringPairsActive teacherExchanges studentActivities lessonPlanAdoptions }\n    }\n  }\n"): (typeof documents)["\n  query RegionGroups($id: ID!, $from: Date!, $to: Date!) {\n    regionGroupBreakdown(regionId: $id, from: $from, to: $to) {\n      rows { group { id name } kind mode level memberSchools researchSessions teacherParticipations mentoringPairsActive teacherExchanges studentActivities lessonPlanAdoptions }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionPage($id: ID!, $asOf: Date) {\n    region(id: $id) { id name level parent { id name parent { id name parent { id } } } }\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      asOf\n      ratio\n      coveredSchools\n      compulsorySchools\n      studentsCovered\n      compulsoryStudents\n      consortia\n      consortiaByMode { key count }\n      consortiaByLevel { key count }\n      target { year ratio }\n      gap\n    }\n  }\n"): (typeof documents)["\n  query RegionPage($id: ID!, $asOf: Date) {\n    region(id: $id) { id name level parent { id name parent { id name parent { id } } } }\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      asOf\n      ratio\n      coveredSchools\n      compulsorySchools\n      studentsCovered\n      compulsoryStudents\n      consortia\n      consortiaByMode { key count }\n      consortiaByLevel { key count }\n      target { year ratio }\n      gap\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCoverageTarget($regionId: ID!, $year: Int!, $ratio: Float!) {\n    setCoverageTarget(regionId: $regionId, year: $year, ratio: $ratio) { regionId year ratio }\n  }\n"): (typeof documents)["\n  mutation SetCoverageTarget($regionId: ID!, $year: Int!, $ratio: Float!) {\n    setCoverageTarget(regionId: $regionId, year: $year, ratio: $ratio) { regionId year ratio }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UncoveredSchools($id: ID!, $asOf: Date, $after: String, $search: String) {\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      uncoveredSchools(first: 20, after: $after, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id name stage locale studentCount region { id name } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UncoveredSchools($id: ID!, $asOf: Date, $after: String, $search: String) {\n    regionCoverage(regionId: $id, asOf: $asOf) {\n      uncoveredSchools(first: 20, after: $after, search: $search) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id name stage locale studentCount region { id name } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsortiaOfRegion($regionId: ID!, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, kind: CONSORTIUM, search: $search }) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query ConsortiaOfRegion($regionId: ID!, $search: String) {\n    schoolGroups(first: 50, filter: { regionId: $regionId, kind: CONSORTIUM, search: $search }) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinConsortium($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation JoinConsortium($input: AddGroupMemberInput!) {\n    addGroupMember(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolPage($id: ID!) {\n    school(id: $id) {\n      id\n      name\n      stage\n      locale\n      studentCount\n      teacherCount\n      region { id name }\n      campusOf { id name }\n      memberships(includeFormer: true) { id role pairing joinedOn leftOn group { id name kind mode } }\n    }\n  }\n"): (typeof documents)["\n  query SchoolPage($id: ID!) {\n    school(id: $id) {\n      id\n      name\n      stage\n      locale\n      studentCount\n      teacherCount\n      region { id name }\n      campusOf { id name }\n      memberships(includeFormer: true) { id role pairing joinedOn leftOn group { id name kind mode } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolTeachers($id: ID!, $search: String, $after: String) {\n    teachers(first: 20, after: $after, filter: { schoolId: $id, search: $search }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name subjects title yearsOfExperience email phone honours } }\n    }\n  }\n"): (typeof documents)["\n  query SchoolTeachers($id: ID!, $search: String, $after: String) {\n    teachers(first: 20, after: $after, filter: { schoolId: $id, search: $search }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name subjects title yearsOfExperience email phone honours } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleChoices($groupId: ID!, $search: String) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n    teachers(first: 50, filter: { groupId: $groupId, search: $search }) { edges { node { id name school { id name } } } }\n    lessonPlans(first: 100, filter: { groupId: $groupId, kind: TEAM }) { edges { node { id title status } } }\n  }\n"): (typeof documents)["\n  query ScheduleChoices($groupId: ID!, $search: String) {\n    schoolGroup(id: $groupId) { id members { id school { id name } } }\n    teachers(first: 50, filter: { groupId: $groupId, search: $search }) { edges { node { id name school { id name } } } }\n    lessonPlans(first: 100, filter: { groupId: $groupId, kind: TEAM }) { edges { node { id title status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScheduleSession($input: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $input) { id } }"): (typeof documents)["mutation ScheduleSession($input: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSession($input: UpdateResearchSessionInput!) {\n    updateResearchSession(input: $input) { id mode startsAt endsAt subject grade location meetingUrl agenda { title durationMinutes speaker } }\n  }\n"): (typeof documents)["\n  mutation UpdateSession($input: UpdateResearchSessionInput!) {\n    updateResearchSession(input: $input) { id mode startsAt endsAt subject grade location meetingUrl agenda { title durationMinutes speaker } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectMinutes($id: ID!, $minutes: String!) {\n    correctResearchSessionMinutes(sessionId: $id, minutes: $minutes) { id minutes minutesHistory { version minutes writtenAt } }\n  }\n"): (typeof documents)["\n  mutation CorrectMinutes($id: ID!, $minutes: String!) {\n    correctResearchSessionMinutes(sessionId: $id, minutes: $minutes) { id minutes minutesHistory { version minutes writtenAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionPage($id: ID!) {\n    researchSession(id: $id) {\n      id title topic type mode status startsAt endsAt minutes cancelReason agendaIndex hostSchoolId lastSeq subject grade location meetingUrl\n      minutesHistory { version minutes writtenAt }\n      absentees { id name }\n      agenda { title durationMinutes speaker }\n      group { id name region { id parent { id parent { id parent { id } } } } }\n      hostSchool { id name }\n      invitedSchools { id name }\n      attendance { id checkedInAt teacher { id name } school { id name } }\n      lessonPlans { id title status subject grade }\n    }\n  }\n"): (typeof documents)["\n  query SessionPage($id: ID!) {\n    researchSession(id: $id) {\n      id title topic type mode status startsAt endsAt minutes cancelReason agendaIndex hostSchoolId lastSeq subject grade location meetingUrl\n      minutesHistory { version minutes writtenAt }\n      absentees { id name }\n      agenda { title durationMinutes speaker }\n      group { id name region { id parent { id parent { id parent { id } } } } }\n      hostSchool { id name }\n      invitedSchools { id name }\n      attendance { id checkedInAt teacher { id name } school { id name } }\n      lessonPlans { id title status subject grade }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartSession($id: ID!) { startResearchSession(id: $id) { id status agendaIndex } }"): (typeof documents)["mutation StartSession($id: ID!) { startResearchSession(id: $id) { id status agendaIndex } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdvanceAgenda($id: ID!) { advanceSessionAgenda(id: $id) { id agendaIndex } }"): (typeof documents)["mutation AdvanceAgenda($id: ID!) { advanceSessionAgenda(id: $id) { id agendaIndex } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndSession($id: ID!, $minutes: String) { endResearchSession(id: $id, minutes: $minutes) { id status minutes } }"): (typeof documents)["mutation EndSession($id: ID!, $minutes: String) { endResearchSession(id: $id, minutes: $minutes) { id status minutes } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelSession($id: ID!, $reason: String!) { cancelResearchSession(id: $id, reason: $reason) { id status cancelReason } }"): (typeof documents)["mutation CancelSession($id: ID!, $reason: String!) { cancelResearchSession(id: $id, reason: $reason) { id status cancelReason } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CheckIn($id: ID!) { checkInResearchSession(sessionId: $id) { id } }"): (typeof documents)["mutation CheckIn($id: ID!) { checkInResearchSession(sessionId: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SessionWaiting($id: ID!, $afterSeq: Int) { researchSessionEvents(sessionId: $id, afterSeq: $afterSeq) { seq type } }"): (typeof documents)["subscription SessionWaiting($id: ID!, $afterSeq: Int) { researchSessionEvents(sessionId: $id, afterSeq: $afterSeq) { seq type } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions($filter: ResearchSessionFilter, $after: String) {\n    researchSessions(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type mode status overdue startsAt endsAt group { id name } hostSchool { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query Sessions($filter: ResearchSessionFilter, $after: String) {\n    researchSessions(first: 20, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id title type mode status overdue startsAt endsAt group { id name } hostSchool { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyGroups($filter: SchoolGroupFilter) {\n    schoolGroups(first: 100, filter: $filter) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query MyGroups($filter: SchoolGroupFilter) {\n    schoolGroups(first: 100, filter: $filter) { edges { node { id name } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;