import { Module } from '@nestjs/common';
import { IdentityModule } from '#app/identity';
import { OrganisationModule } from '#app/organisation';
import { LiveDeliveryService } from './live-delivery.service';
import { LiveSessionGateway } from './live-session.gateway';
import { PlanSessionLog } from './plan-session-log';
import { PresenceService } from './presence.service';
import { ResearchAccess } from './research-access';
import { AttendanceFieldsResolver, ResearchResolver, SessionEventFieldsResolver } from './research.resolver';
import { ResearchService } from './research.service';
import { SessionEventsService } from './session-events.service';
import { SessionPlanLinks } from './session-plan-links';
import { SessionEditsResolver } from './session-edits.resolver';
import { SessionEditsService } from './session-edits.service';

@Module({
  imports: [OrganisationModule, IdentityModule],
  providers: [
    ResearchAccess,
    ResearchService,
    SessionEditsService,
    SessionEditsResolver,
    SessionEventsService,
    SessionPlanLinks,
    PlanSessionLog,
    LiveDeliveryService,
    PresenceService,
    LiveSessionGateway,
    ResearchResolver,
    AttendanceFieldsResolver,
    SessionEventFieldsResolver,
  ],
  exports: [ResearchService, SessionEventsService, SessionPlanLinks],
})
export class ResearchModule {}
