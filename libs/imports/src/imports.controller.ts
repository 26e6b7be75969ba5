import { Catch, Controller, Get, Inject, Param, PayloadTooLargeException, Post, Query, Res, UploadedFile, UseFilters, UseInterceptors, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Allow, APP_CONFIG, badInput, Ctx, isUuid, notFound, requestLang, Role, type AppConfig, type RequestContext } from '#app/core';
import { ImportProgress } from './import-progress';
import { ImportService, type ImportResult } from './import.service';
import { UnreadableFile } from './spreadsheet';

/** A file over IMPORT_MAX_BYTES: said clearly, with the limit, before anything is read. */
@Catch(PayloadTooLargeException)
export class ImportTooLargeFilter implements ExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}
  catch(_e: PayloadTooLargeException, host: ArgumentsHost) {
    const mb = (this.config.importMaxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
    const text = { zh: `文件超过 ${mb} MB 的导入上限，请拆分后分批导入`, en: `The file is larger than the import limit of ${mb} MB: split it` };
    const http = host.switchToHttp();
    http
      .getResponse()
      .status(413)
      .json({ errors: [{ message: text[requestLang(http.getRequest())], extensions: { code: 'BAD_USER_INPUT', field: 'file', maxBytes: this.config.importMaxBytes } }] });
  }
}

const flag = (name: string, v: string | undefined) => {
  if (v === undefined || v === '') return false;
  if (v === 'true' || v === 'false') return v === 'true';
  throw badInput(name, { zh: `「${name}」须为 true 或 false`, en: `${name} is true or false` });
};

/**
 * Spreadsheet imports (Excel .xlsx or UTF-8 .csv): `GET /imports/{kind}/template.xlsx`, and
 * `POST /imports/{kind}?dryRun=true|false` with the file as multipart field `file`. The bearer token (or a signed
 * link) and scope rules of the API; all or nothing.
 */
@Controller('imports')
@UseFilters(ImportTooLargeFilter)
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly progress: ImportProgress,
  ) {}

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Get(':kind/template.xlsx')
  async template(@Ctx() ctx: RequestContext, @Param('kind') kind: string, @Res() res: any) {
    const t = await this.imports.template(ctx, kind);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${t.filename}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(t.body);
  }

  /** Where the caller's import with this progress id is: { phase: reading | checking | writing | done, done, total }. */
  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Get('progress/:id')
  progressOf(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    const p = isUuid(id) ? this.progress.get(id, ctx.user.userId ?? '') : null;
    if (!p) throw notFound('Import progress', id);
    return p;
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Post(':kind')
  @UseInterceptors(FileInterceptor('file'))
  async import(
    @Ctx() ctx: RequestContext,
    @Param('kind') kind: string,
    @Query('dryRun') dryRun: string | undefined,
    @Query('progress') progress: string | undefined,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Res() res: any,
  ) {
    const dry = flag('dryRun', dryRun);
    if (progress !== undefined && !isUuid(progress)) throw badInput('progress', { zh: '「progress」须为页面生成的、用于跟踪导入进度的 ID（UUID）', en: 'progress is an id (UUID) the page makes up to follow the import' });
    if (!file) throw badInput('file', { zh: '请选择要导入的文件（表单字段 file）', en: 'Send the spreadsheet as the multipart field "file"' });
    let result: ImportResult;
    try {
      result = await this.imports.run(ctx, kind, file, dry, progress);
    } catch (err) {
      if (err instanceof UnreadableFile) throw badInput('file', { zh: err.messages[0], en: err.messages[1] });
      throw err;
    }
    res.status(200).json(result);
  }
}
