import { DOMAIN, FAMOUS_TEACHER_NAME, FEATURED_CONSORTIUM, FEATURED_LEAD_SCHOOL, FEATURED_RURAL_SCHOOL, NEW_TEACHER_NAME } from './plans/kit';

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
  /** Human description of the scope, e.g. '随州市随县教育局'. */
  scope: string;
}

export const DEMO_PASSWORD = 'demo12345';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: `admin@${DOMAIN}`, password: DEMO_PASSWORD, role: 'PLATFORM_ADMIN', scope: '全平台' },
  { email: `bureau@${DOMAIN}`, password: DEMO_PASSWORD, role: 'REGION_ADMIN', scope: '随州市随县教育局' },
  { email: `city@${DOMAIN}`, password: DEMO_PASSWORD, role: 'REGION_ADMIN', scope: '随州市教育局' },
  { email: `manager@${DOMAIN}`, password: DEMO_PASSWORD, role: 'GROUP_MANAGER', scope: `${FEATURED_CONSORTIUM}（融合型，省级试点）` },
  { email: `school@${DOMAIN}`, password: DEMO_PASSWORD, role: 'SCHOOL_ADMIN', scope: `${FEATURED_LEAD_SCHOOL}（教联体牵头校）` },
  { email: `teacher@${DOMAIN}`, password: DEMO_PASSWORD, role: 'TEACHER', scope: `${FAMOUS_TEACHER_NAME}（名师，${FEATURED_LEAD_SCHOOL}）` },
  { email: `teacher2@${DOMAIN}`, password: DEMO_PASSWORD, role: 'TEACHER', scope: `${NEW_TEACHER_NAME}（新教师，${FEATURED_RURAL_SCHOOL}）` },
];
