import { Controller, Get, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '#app/core';

@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers within 2 s, 503 otherwise (for load balancers and orchestrators). */
  @Public()
  @Get('health')
  async health(@Res() res: any) {
    const started = Date.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      res.status(200).json({ status: 'ok', database: 'up', latencyMs: Date.now() - started });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  }
}
