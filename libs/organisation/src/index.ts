import { Region } from './entities/region.entity';
import { School } from './entities/school.entity';
import { SchoolGroup } from './entities/school-group.entity';
import { GroupMembership } from './entities/group-membership.entity';
import { Teacher, TeacherAssignment } from './entities/teacher.entity';

export * from './enums';
export * from './entities/region.entity';
export * from './entities/school.entity';
export * from './entities/school-group.entity';
export * from './entities/group-membership.entity';
export * from './entities/teacher.entity';
export * from './access.service';
export * from './access/scope-rules';
export * from './directory';
export * from './events';
export * from './organisation-queries';
export * from './region.service';
export * from './school.service';
export * from './group.service';
export * from './teacher.service';
export * from './organisation.module';
export * from './models/connections';

export const ORGANISATION_ENTITIES = [Region, School, SchoolGroup, GroupMembership, Teacher, TeacherAssignment];
export * from './dto/common';
export * from './dto/is-calendar-date';
export * from './organisation-rows';
