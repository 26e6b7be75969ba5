import { SchoolEnrolment } from './entities/school-enrolment.entity';
import { SchoolFacilities } from './entities/school-facilities.entity';

export * from './enums';
export * from './standard';
export * from './report';
export * from './models';
export * from './entities/school-facilities.entity';
export * from './entities/school-enrolment.entity';
export * from './dto/balance.input';
export * from './balance.service';
export * from './balancing.service';
export * from './enrolment.service';
export * from './rotations';
export * from './dto/balancing.input';
export * from './balance.module';

export const BALANCE_ENTITIES = [SchoolFacilities, SchoolEnrolment];
