import { Foundation1764060000000 } from './1764060000000-Foundation';
import { ResearchSessions1764100000000 } from './1764100000000-ResearchSessions';
import { Rollups1764140000000 } from './1764140000000-Rollups';
import { Mentoring1764170000000 } from './1764170000000-Mentoring';
import { ExchangesAndActivities1764180000000 } from './1764180000000-ExchangesAndActivities';
import { LessonPreparation1764200000000 } from './1764200000000-LessonPreparation';
import { RollupRevisionsAndRegionMonths1764300000000 } from './1764300000000-RollupRevisionsAndRegionMonths';
import { Accounts1764400000000 } from './1764400000000-Accounts';
import { TeacherStaffNumber1764500000000 } from './1764500000000-TeacherStaffNumber';
import { AccountsForEveryone1764600000000 } from './1764600000000-AccountsForEveryone';
import { GroupProfiles1764700000000 } from './1764700000000-GroupProfiles';
import { SessionDetails1764800000000 } from './1764800000000-SessionDetails';
import { Notifications1764900000000 } from './1764900000000-Notifications';
import { UserLocale1765000000000 } from './1765000000000-UserLocale';
import { PrincipalNotices1765100000000 } from './1765100000000-PrincipalNotices';
import { Balance1765200000000 } from './1765200000000-Balance';

/** Every migration, in order. Listed explicitly so the same list works in the built app, the CLI and the tests. */
export const MIGRATIONS = [Foundation1764060000000, ResearchSessions1764100000000, Rollups1764140000000, Mentoring1764170000000, ExchangesAndActivities1764180000000, LessonPreparation1764200000000, RollupRevisionsAndRegionMonths1764300000000, Accounts1764400000000, TeacherStaffNumber1764500000000, AccountsForEveryone1764600000000, GroupProfiles1764700000000, SessionDetails1764800000000, Notifications1764900000000, UserLocale1765000000000, PrincipalNotices1765100000000, Balance1765200000000];
