import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { loadConfig } from '#app/core';
import { AppModule } from './app.module';

export const SCHEMA_FILE = 'schema.graphql';
const HEADER = '# Generated from the code-first schema by `npm run schema:print`. Do not edit: a test checks it is current.\n\n';

/** The SDL clients rely on, built exactly as the server builds it, without a database. */
export async function printAppSchema(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' });
  const app = await NestFactory.create(AppModule.forRoot(config, config.databaseUrl!, false), { logger: false });
  await app.init();
  try {
    return HEADER + printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
  } finally {
    await app.close();
  }
}
