import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, signDownloadLink, type AppConfig, type RequestContext } from '#app/core';
import { DownloadLink } from './models';
import { reportPathOf } from './report-routes';

/** Signed links to report downloads (the scheme: libs/core download-link.ts; verified where request contexts are built). */
@Injectable()
export class DownloadLinkService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  create(ctx: RequestContext, path: string): DownloadLink {
    const { accountId, tokenVersion } = ctx.user;
    return Object.assign(new DownloadLink(), signDownloadLink(this.config.jwtSecret, accountId, tokenVersion, reportPathOf(path)));
  }
}
