import { Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { GroupService } from './group.service';
import {
  MembershipFieldsResolver,
  RegionFieldsResolver,
  SchoolFieldsResolver,
  SchoolGroupFieldsResolver,
  TeacherAssignmentFieldsResolver,
  TeacherFieldsResolver,
} from './organisation-fields.resolver';
import { OrganisationResolver } from './organisation.resolver';
import { RegionService } from './region.service';
import { SchoolService } from './school.service';
import { TeacherService } from './teacher.service';

@Module({
  providers: [
    AccessService,
    RegionService,
    SchoolService,
    GroupService,
    TeacherService,
    OrganisationResolver,
    RegionFieldsResolver,
    SchoolFieldsResolver,
    SchoolGroupFieldsResolver,
    MembershipFieldsResolver,
    TeacherFieldsResolver,
    TeacherAssignmentFieldsResolver,
  ],
  exports: [AccessService, RegionService, SchoolService, GroupService, TeacherService],
})
export class OrganisationModule {}
