import { Module } from '@nestjs/common';
import { OrganisationModule } from '#app/organisation';
import { ActivityAccess } from './activity-access';
import { ExchangeResolver } from './exchange.resolver';
import { ExchangeService } from './exchange.service';
import { RotationResolver } from './rotation.resolver';
import { RotationService } from './rotation.service';
import { StudentActivityResolver } from './student-activity.resolver';
import { StudentActivityService } from './student-activity.service';

/** Teacher exchanges (交流轮岗, 走教送教, 支教), rotation quotas and joint student activities (学生活动). */
@Module({
  imports: [OrganisationModule],
  providers: [ActivityAccess, ExchangeService, StudentActivityService, RotationService, ExchangeResolver, StudentActivityResolver, RotationResolver],
  exports: [ExchangeService, StudentActivityService, RotationService],
})
export class ActivityModule {}
