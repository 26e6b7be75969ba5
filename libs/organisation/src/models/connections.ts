import { ObjectType } from '@nestjs/graphql';
import { Connection } from '#app/core';
import { School } from '../entities/school.entity';
import { SchoolGroup } from '../entities/school-group.entity';
import { Teacher } from '../entities/teacher.entity';

@ObjectType() export class SchoolConnection extends Connection(School) {}
@ObjectType() export class SchoolGroupConnection extends Connection(SchoolGroup) {}
@ObjectType() export class TeacherConnection extends Connection(Teacher) {}
