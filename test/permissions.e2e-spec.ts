import { readFileSync } from 'node:fs';
import { RequestMethod } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { AccessGuard, ALLOW_KEY, BEFORE_PASSWORD_CHANGE_KEY } from '#app/core';
import { SCHEMA_FILE } from '../apps/api/src/schema-sdl';
import { TestApp } from './support/test-app';

/**
 * Who can reach what, for every GraphQL operation: a change here shows up in review (STYLE habit 2).
 * Roles are a coarse gate; the services check each id's scope (see scopes.e2e-spec.ts).
 */
const EXPECTED: Record<string, string> = {
  'Mutation.addGroupMember': 'REGION_ADMIN,GROUP_MANAGER',
  'Mutation.changePassword': 'AUTHENTICATED',
  'Mutation.logout': 'AUTHENTICATED',
  'Mutation.resetPassword': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.advanceSessionAgenda': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.cancelResearchSession': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.correctResearchSessionMinutes': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.updateResearchSession': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.checkInResearchSession': 'TEACHER',
  'Mutation.recordResearchSessionAttendance': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.completeMentoringPair': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.dissolveMentoringPair': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.evaluateMentoringPair': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.logMentoringActivity': 'TEACHER',
  'Mutation.requestMentorship': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.respondToMentorship': 'TEACHER',
  'Mutation.setMentorCapacity': 'REGION_ADMIN,GROUP_MANAGER',
  'Mutation.endResearchSession': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.postSessionNote': 'AUTHENTICATED',
  'Mutation.scheduleResearchSession': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.setCoverageTarget': 'REGION_ADMIN',
  'Mutation.createDownloadLink': 'AUTHENTICATED',
  'Mutation.startResearchSession': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.createRegion': 'REGION_ADMIN',
  'Mutation.createSchool': 'REGION_ADMIN',
  'Mutation.createSchoolGroup': 'REGION_ADMIN',
  'Mutation.updateSchoolGroup': 'REGION_ADMIN',
  'Mutation.createTeacher': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.updateTeacher': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.setSchoolFacilities': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.setSchoolFacilitiesBulk': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.setSchoolEnrolment': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Query.balanceReport': 'REGION_ADMIN,GROUP_MANAGER',
  'Query.balanceHistory': 'REGION_ADMIN,GROUP_MANAGER',
  'Query.simulateBalance': 'REGION_ADMIN,GROUP_MANAGER',
  'Query.suggestBalancingRotations': 'REGION_ADMIN,GROUP_MANAGER',
  'Query.schoolEnrolments': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Query.studentsReturned': 'REGION_ADMIN',
  'Mutation.snapshotEnrolment': 'REGION_ADMIN',
  'Mutation.createBalancingExchanges': 'REGION_ADMIN,GROUP_MANAGER',
  'Mutation.createUser': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.inviteUser': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.deactivateUser': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.reactivateUser': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.updateMyProfile': 'AUTHENTICATED',
  'Mutation.grantRole': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.login': 'PUBLIC',
  'Mutation.removeGroupMember': 'REGION_ADMIN,GROUP_MANAGER',
  'Mutation.revokeRole': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.transferTeacher': 'REGION_ADMIN',
  'Mutation.updateSchool': 'REGION_ADMIN,SCHOOL_ADMIN',
  'Mutation.endTeacherExchange': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.recordStudentActivity': 'REGION_ADMIN,GROUP_MANAGER',
  'Mutation.recordTeacherExchange': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Mutation.setRotationQuota': 'REGION_ADMIN,GROUP_MANAGER',
  'Query.labels': 'PUBLIC',
  'Query.groupActivitySummary': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'Query.me': 'AUTHENTICATED',
  'Query.mentoringPairs': 'AUTHENTICATED',
  'Query.mentoringPair': 'AUTHENTICATED',
  'Query.suggestMentoringPairs': 'REGION_ADMIN,GROUP_MANAGER',
  'Query.suggestMentors': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Query.regionActivitySummary': 'REGION_ADMIN',
  'Query.regionCoverage': 'REGION_ADMIN',
  'Query.regionCoverageTrend': 'REGION_ADMIN',
  'Query.regionBreakdown': 'REGION_ADMIN',
  'Query.regionGroupBreakdown': 'REGION_ADMIN',
  'Query.region': 'AUTHENTICATED',
  'Query.regions': 'AUTHENTICATED',
  'Query.researchSession': 'AUTHENTICATED',
  'Query.researchSessions': 'AUTHENTICATED',
  'Query.school': 'AUTHENTICATED',
  'Query.schoolGroup': 'AUTHENTICATED',
  'Query.schoolGroups': 'AUTHENTICATED',
  'Query.schools': 'AUTHENTICATED',
  'Query.teachers': 'AUTHENTICATED',
  'Query.groupRotation': 'REGION_ADMIN,GROUP_MANAGER',
  'Query.studentActivities': 'AUTHENTICATED',
  'Query.teacherExchanges': 'AUTHENTICATED',
  'Subscription.researchSessionEvents': 'AUTHENTICATED',
  // lesson preparation (集体备课): roles gate coarsely, LessonPrepAccess checks team membership and group scope
  'Mutation.adaptLessonPlan': 'TEACHER',
  'Mutation.addLessonPrepTeamMember': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.archiveLessonPlan': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.commentOnLessonPlan': 'AUTHENTICATED',
  'Mutation.createLessonPlan': 'TEACHER',
  'Mutation.createLessonPrepTeam': 'REGION_ADMIN,GROUP_MANAGER',
  'Mutation.publishLessonPlan': 'TEACHER',
  'Mutation.recordLessonPlanAdoption': 'TEACHER,SCHOOL_ADMIN,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.removeLessonPrepTeamMember': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Mutation.resolveLessonPlanComment': 'AUTHENTICATED',
  'Mutation.reviewLessonPlan': 'TEACHER',
  'Mutation.submitLessonPlanForReview': 'TEACHER',
  'Mutation.updateLessonPlan': 'TEACHER',
  'Mutation.updateLessonPrepTeam': 'TEACHER,REGION_ADMIN,GROUP_MANAGER',
  'Query.lessonPlan': 'AUTHENTICATED',
  'Query.lessonPlanAdoptions': 'AUTHENTICATED',
  'Query.lessonPlanDiff': 'AUTHENTICATED',
  'Query.lessonPlans': 'AUTHENTICATED',
  'Query.lessonPrepTeam': 'AUTHENTICATED',
  'Query.lessonPrepTeams': 'AUTHENTICATED',
  'Subscription.lessonPlanEvents': 'AUTHENTICATED',
  // notifications: every signed-in user reads and marks only their own
  'Query.notifications': 'AUTHENTICATED',
  'Mutation.markNotificationsRead': 'AUTHENTICATED',
  'Subscription.notificationAdded': 'AUTHENTICATED',
  'GET /health': 'PUBLIC',
  // each report as .csv and .xlsx; also opened with a signed download link (createDownloadLink), under the same roles
  'GET /reports/groups/:groupId/activity.:format': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'GET /reports/regions/:regionId/activity.:format': 'REGION_ADMIN',
  'GET /reports/regions/:regionId/balance.:format': 'REGION_ADMIN,GROUP_MANAGER',
  'GET /reports/regions/:regionId/balance-plan.:format': 'REGION_ADMIN,GROUP_MANAGER',
  'GET /reports/regions/:regionId/coverage.:format': 'REGION_ADMIN',
  'GET /reports/regions/:regionId/trend.:format': 'REGION_ADMIN',
  'GET /reports/regions/:regionId/breakdown.:format': 'REGION_ADMIN',
  'GET /reports/regions/:regionId/groups.:format': 'REGION_ADMIN',
  'GET /imports/:kind/template.xlsx': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'POST /imports/:kind': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'GET /imports/progress/:id': 'REGION_ADMIN,GROUP_MANAGER,SCHOOL_ADMIN',
  'socket.session:chat': 'AUTHENTICATED',
  'socket.session:hand': 'AUTHENTICATED',
  'socket.session:join': 'AUTHENTICATED',
  'socket.session:leave': 'AUTHENTICATED',
  'socket.session:note': 'AUTHENTICATED',
};

/** What a user signed in with a one-time code (resetPassword) may reach before choosing a password. */
const BEFORE_PASSWORD_CHANGE = ['Mutation.changePassword', 'Mutation.logout', 'Query.me'];

describe('operation permissions and the published schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('declares who may call every operation, exactly as reviewed', () => {
    const found: Record<string, string> = {};
    const beforePasswordChange: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
        const proto = wrapper.metatype && (wrapper.metatype as any).prototype;
        if (!proto || !wrapper.instance) continue;
        for (const method of Object.getOwnPropertyNames(proto)) {
          const fn = Object.getOwnPropertyDescriptor(proto, method)?.value;
          if (typeof fn !== 'function') continue;
          const allow = (Reflect.getMetadata(ALLOW_KEY, fn) ?? Reflect.getMetadata(ALLOW_KEY, wrapper.metatype as object) ?? ['NONE']).join(',');
          const httpPath = Reflect.getMetadata('path', fn);
          if (typeof httpPath === 'string' && Reflect.getMetadata('method', fn) !== undefined) {
            const base = Reflect.getMetadata('path', wrapper.metatype as object);
            found[`${RequestMethod[Reflect.getMetadata('method', fn)]} /${[base, httpPath].filter((x) => x && x !== '/').join('/')}`] = allow;
            continue;
          }
          const wsMessage = Reflect.getMetadata('message', fn);
          if (typeof wsMessage === 'string') {
            found[`socket.${wsMessage}`] = allow;
            continue;
          }
          const type = Reflect.getMetadata('graphql:resolver_type', fn);
          if (!['Query', 'Mutation', 'Subscription'].includes(type)) continue;
          const name = Reflect.getMetadata('graphql:resolver_name', fn) ?? method;
          found[`${type}.${name}`] = allow;
          if (Reflect.getMetadata(BEFORE_PASSWORD_CHANGE_KEY, fn)) beforePasswordChange.push(`${type}.${name}`);
        }
      }
    }
    expect(found).toEqual(EXPECTED);
    expect(beforePasswordChange.sort()).toEqual(BEFORE_PASSWORD_CHANGE);
    // and every root field of the served schema is one of them
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean);
    const fields = roots.flatMap((r) => Object.keys(r!.getFields()).map((f) => `${r!.name}.${f}`));
    expect(fields.sort()).toEqual(Object.keys(EXPECTED).filter((k) => /^(Query|Mutation|Subscription)\./.test(k)).sort());
  });

  it('refuses a handler that declares nothing (deny by default)', () => {
    const guard = new AccessGuard(new Reflector());
    class Undeclared {
      handler() {}
    }
    const context: any = { getHandler: () => Undeclared.prototype.handler, getClass: () => Undeclared, getType: () => 'http', switchToHttp: () => ({ getRequest: () => ({}) }) };
    expect(() => guard.canActivate(context)).toThrow(/declares no permission/);
  });

  it('keeps the committed schema.graphql current (run `npm run schema:print` after changing the API)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const served = printSchema(t.app.get(GraphQLSchemaHost).schema);
    expect(committed.slice(committed.indexOf('\n\n') + 2).trim()).toBe(served.trim());
  });

  it('serves every operation of the contract for accounts, scopes and organisations', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const queries = Object.keys(schema.getQueryType()!.getFields());
    for (const m of ['login', 'createUser', 'grantRole', 'revokeRole', 'createRegion', 'createSchool', 'updateSchool', 'createSchoolGroup', 'addGroupMember', 'removeGroupMember', 'createTeacher', 'transferTeacher']) {
      expect(mutations).toContain(m);
    }
    for (const q of ['me', 'regions', 'school', 'schools', 'schoolGroup', 'schoolGroups', 'teachers']) expect(queries).toContain(q);
  });
});
