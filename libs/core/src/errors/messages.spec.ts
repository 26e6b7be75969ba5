import { describe, expect, it } from '@jest/globals';
import { AppError, badInput, notFound } from './app-error';
import { formatGraphQLError } from './format-error';
import { langOf } from './messages';
import { validationMessage } from './validation';

describe('langOf (Accept-Language)', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['en-GB;q=0.5, zh-TW;q=0.8', 'zh'],
    ['fr-FR, en;q=0.7', 'en'],
    ['fr-FR', 'zh'],
    ['*', 'zh'],
    ['en;q=0, zh;q=0', 'zh'],
    [['en-US', 'zh'], 'en'],
  ])('%p -> %s', (header, lang) => expect(langOf(header)).toBe(lang));
});

describe('AppError in two languages', () => {
  it('keeps English as message (logs) and answers in the chosen language', () => {
    const e = badInput('year', { zh: '年份须在 2000 年至 2100 年之间', en: 'year must be between 2000 and 2100' });
    expect(e.message).toBe('year must be between 2000 and 2100');
    expect(e.messageIn('zh')).toBe('年份须在 2000 年至 2100 年之间');
    const formatted = (lang?: 'zh' | 'en') => formatGraphQLError({ message: e.message }, e, { lang });
    expect(formatted()).toMatchObject({ message: '年份须在 2000 年至 2100 年之间', extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
    expect(formatted('en')).toMatchObject({ message: 'year must be between 2000 and 2100', extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
  });

  it('names entities in Chinese', () => {
    const e: AppError = notFound('School group', 'abc');
    expect(e.text).toEqual({ zh: '未找到共同体 abc', en: 'School group abc not found' });
  });
});

describe('validationMessage (class-validator)', () => {
  it.each([
    ['isUuid', 'groupId must be a UUID', '「groupId」须为有效的 ID（UUID）'],
    ['maxLength', 'title must be shorter than or equal to 200 characters', '「title」最多 200 个字符'],
    ['isEnum', 'stage must be one of the following values: PRIMARY, JUNIOR', '「stage」须为以下值之一：PRIMARY, JUNIOR'],
    ['min', 'capacity must not be less than 1', '「capacity」不能小于 1'],
    ['max', 'capacity must not be greater than 20', '「capacity」不能大于 20'],
    ['isNotEmpty', 'name should not be empty', '「name」不能为空'],
    ['isEmail', 'email must be an email', '「email」须为有效的电子邮箱地址'],
    ['matches', 'name must not be blank', '「name」不能为空白'],
    ['isCalendarDate', 'heldOn must be a date written YYYY-MM-DD', '「heldOn」须为 YYYY-MM-DD 格式的日期'],
    ['somethingNew', 'x is odd', '「x」的值无效'],
  ])('%s', (constraint, en, zh) => {
    const field = en.split(' ')[0];
    expect(validationMessage(field, constraint, en)).toEqual({ zh, en });
  });
});
