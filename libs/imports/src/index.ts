export * from './columns';
export * from './import-kind';
export * from './import.service';
export * from './imports.module';
export * from './spreadsheet';
