import { Module } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '#app/core';
import { OrganisationModule } from '#app/organisation';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { LoginThrottle } from './login-throttle';
import { Mailer } from './mailer';

@Module({
  imports: [OrganisationModule],
  providers: [IdentityService, AccountsService, LoginThrottle, Mailer, IdentityResolver, AccountsResolver, { provide: PRINCIPAL_RESOLVER, useExisting: IdentityService }],
  exports: [IdentityService, AccountsService, Mailer, PRINCIPAL_RESOLVER],
})
export class IdentityModule {}
