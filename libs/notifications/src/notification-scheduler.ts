import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/core';
import { NotificationJobs, type JobRun } from './notification-jobs';


/**
 * The worker of this API instance: every NOTIFY_POLL_MS (default 5 s) it does the due notification jobs, a batch at a
 * time until none is left. Several instances poll the same table; SKIP LOCKED keeps them off each other's jobs. A
 * failing poll (the database away) is logged and tried again at the next tick; it never ends the process. On in
 * every instance by default, off under NODE_ENV=test unless NOTIFY_WORKER=true (or a test calls start()).
 */
@Injectable()
export class NotificationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  /** Jobs claimed per transaction. */
  private batch = 50;
  /** What this instance's worker did since it started (for tests and diagnostics). */
  readonly totals: JobRun = { claimed: 0, notified: 0, skipped: 0, failed: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: NotificationJobs,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap() {
    if (this.config.notifications.worker && this.dataSource.isInitialized) this.start();
  }

  async onApplicationShutdown() {
    await this.stop();
  }

  get active() {
    return !this.stopped;
  }

  start(pollMs = this.config.notifications.pollMs, batch = 50) {
    if (!this.stopped) return;
    this.stopped = false;
    this.batch = batch;
    const tick = () => {
      this.running = this.poll().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, pollMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One poll: due jobs in batches until a batch comes back short. */
  async poll(): Promise<void> {
    try {
      for (;;) {
        const run = await this.jobs.run(this.batch);
        for (const k of Object.keys(run) as (keyof JobRun)[]) this.totals[k] += run[k];
        if (run.claimed < this.batch || this.stopped) return;
      }
    } catch (err) {
      this.logger.error(`notification jobs poll failed: ${(err as Error).message}`);
    }
  }
}
