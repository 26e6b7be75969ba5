import { Module } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '../../core/src';
import { OrganisationModule } from '../../organisation/src';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';

@Module({
  imports: [OrganisationModule],
  providers: [IdentityService, IdentityResolver, { provide: PRINCIPAL_RESOLVER, useExisting: IdentityService }],
  exports: [IdentityService, PRINCIPAL_RESOLVER],
})
export class IdentityModule {}
