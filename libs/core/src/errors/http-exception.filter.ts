import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';
import { requestLang } from './messages';

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

/**
 * Plain HTTP routes (CSV reports, health) answer errors in the GraphQL shape with a matching status; nothing
 * unexpected leaks. GraphQL and socket.io errors are left to their own handlers.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') return exception; // GraphQL and socket.io handle their own
    const res = host.switchToHttp().getResponse();
    if (exception instanceof AppError) {
      const extensions = { code: exception.code, ...(exception.field ? { field: exception.field } : {}), ...(exception.details ?? {}) };
      return res.status(STATUS[exception.code] ?? 400).json({ errors: [{ message: exception.messageIn(requestLang(host.switchToHttp().getRequest())), extensions }] });
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const notFound = exception.getStatus() === 404;
      const zh = notFound ? '未找到该地址' : '请求无效';
      const message = requestLang(host.switchToHttp().getRequest()) === 'zh' ? zh : exception.message;
      return res.status(exception.getStatus()).json({ errors: [{ message, extensions: { code: notFound ? 'NOT_FOUND' : 'BAD_USER_INPUT' } }] });
    }
    this.logger.error((exception as Error)?.stack ?? String(exception));
    return res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
}
