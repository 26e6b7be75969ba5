import { Module } from '@nestjs/common';
import { OrganisationModule } from '#app/organisation';
import { MentoringActivityFieldsResolver, MentoringResolver } from './mentoring.resolver';
import { MentoringService } from './mentoring.service';
import { SuggestionsService } from './suggestions.service';

@Module({
  imports: [OrganisationModule],
  providers: [MentoringService, SuggestionsService, MentoringResolver, MentoringActivityFieldsResolver],
  exports: [MentoringService],
})
export class MentoringModule {}
