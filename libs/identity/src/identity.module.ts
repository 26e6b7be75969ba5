import { Module } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '#app/core';
import { OrganisationModule } from '#app/organisation';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [OrganisationModule],
  providers: [IdentityService, AccountsService, LoginThrottle, IdentityResolver, AccountsResolver, { provide: PRINCIPAL_RESOLVER, useExisting: IdentityService }],
  exports: [IdentityService, PRINCIPAL_RESOLVER],
})
export class IdentityModule {}
