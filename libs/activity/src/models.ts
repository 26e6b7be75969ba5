import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '#app/core';
import { StudentActivity } from './entities/student-activity.entity';
import { TeacherExchange } from './entities/teacher-exchange.entity';
import { RotationQuotaSource } from './enums';

@ObjectType() export class TeacherExchangeConnection extends Connection(TeacherExchange) {}
@ObjectType() export class StudentActivityConnection extends Connection(StudentActivity) {}

@ObjectType({ description: '交流轮岗比例要求 rotation quota for a year' })
export class RotationQuota {
  @Field(() => ID, { nullable: true, description: 'The group or region that set it; null for the defaults' }) scopeId: string | null;
  @Field(() => RotationQuotaSource) source: RotationQuotaSource;
  @Field(() => Int) year: number;
  @Field(() => Float, { description: 'Least share of eligible teachers to rotate in the year (default 0.1)' }) minRotationRatio: number;
  @Field(() => Float, { description: 'Least share of backbone teachers (骨干教师) among the rotated (default 0.2)' }) minBackboneRatio: number;
}

@ObjectType({ description: "交流轮岗 a group's teacher rotation in a year, against its quota" })
export class GroupRotation {
  @Field(() => ID) groupId: string;
  @Field(() => Int) year: number;
  @Field(() => Int, { description: "Teachers now working at the group's active member schools" }) eligibleTeachers: number;
  @Field(() => Int, { description: 'Distinct teachers with a ROTATION exchange of this group overlapping the year' }) rotatedTeachers: number;
  @Field(() => Float, { description: 'rotatedTeachers / eligibleTeachers (0 without eligible teachers)' }) rotationRatio: number;
  @Field(() => Int, { description: 'Rotated teachers with the BACKBONE honour (骨干教师)' }) backboneRotated: number;
  @Field(() => Float, { description: 'backboneRotated / rotatedTeachers (0 when nobody rotated)' }) backboneShare: number;
  @Field(() => RotationQuota, { description: "The group's quota for the year, else the nearest region's above it, else the defaults" }) quota: RotationQuota;
  @Field(() => Float, { description: 'quota.minRotationRatio − rotationRatio (positive: still to go)' }) rotationGap: number;
  @Field(() => Float, { description: 'quota.minBackboneRatio − backboneShare (positive: still to go)' }) backboneGap: number;
  @Field(() => Int, { description: 'More teachers to rotate to meet minRotationRatio (0 when met)' }) teachersToRotate: number;
}
