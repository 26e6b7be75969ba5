import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations for the web app from the committed schema.graphql (run from the project root). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' } },
    },
  },
};
export default config;
