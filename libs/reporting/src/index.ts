export * from './models';
export * from './reports.service';
export * from './rollup-rebuild';
export * from './base-reports';
export * from './reporting.module';
export * from './group-figures-cache';
export * from './report-routes';
export * from './report-tables';
