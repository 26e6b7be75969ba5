import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, EventBus, type AppConfig } from '#app/core';

/** A one-time code was handed out: an invitation (邀请) or an admin's password reset (重置密码). */
export interface OneTimeCodeFact {
  kind: 'invitation' | 'reset';
  email: string | null;
  displayName: string;
  code: string;
  /** the web app path that fills in the account and the code */
  link: string;
  expiresAt: string;
}

declare module '../../core/src/events/event-bus' {
  interface DomainEventMap {
    'identity.code.issued': OneTimeCodeFact;
  }
}

const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The mail of a code, Chinese first, then English. */
export function codeMail(f: OneTimeCodeFact, publicUrl: string): { subject: string; text: string } {
  const url = `${publicUrl}${f.link}`;
  const invitation = f.kind === 'invitation';
  const subject = invitation ? '【办学共同体协作平台】邀请您登录 / You are invited' : '【办学共同体协作平台】您的密码已重置 / Your password was reset';
  const text = [
    `${f.displayName}，您好：`,
    '',
    invitation ? '管理员邀请您使用办学共同体协作平台。请打开下面的链接，用一次性验证码登录，然后设置您自己的密码：' : '管理员已为您重置密码。请打开下面的链接，用一次性验证码登录，然后设置新密码：',
    url,
    `验证码：${f.code}（${day(f.expiresAt)} 前有效，北京时间）`,
    '如果这不是您本人的账号，请忽略本邮件。',
    '',
    '—',
    '',
    `Hello ${f.displayName},`,
    '',
    invitation ? 'An administrator invited you to the school collaboration platform. Open the link below, sign in with the one-time code, then choose your password:' : 'An administrator reset your password. Open the link below, sign in with the one-time code, then choose a new password:',
    url,
    `Code: ${f.code} (valid until ${day(f.expiresAt)}, China time)`,
  ].join('\n');
  return { subject, text };
}

/**
 * Invitations and password resets by mail, when SMTP_URL is set (no mail server is assumed otherwise: the admin
 * hands the code over). Sent once the transaction that issued the code has committed; a failure is logged, the code
 * stays valid and the admin still has it.
 */
@Injectable()
export class Mailer implements OnModuleInit {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventBus,
  ) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  /** Whether a code for this address goes by mail. */
  mails(email: string | null | undefined): boolean {
    return !!(this.transport && email);
  }

  onModuleInit() {
    this.events.afterCommit('identity.code.issued', async (e) => {
      if (!this.mails(e.email)) return;
      const { subject, text } = codeMail(e, this.config.publicUrl);
      try {
        await this.transport!.sendMail({ from: this.config.mailFrom, to: e.email!, subject, text });
      } catch (err) {
        this.logger.warn(`Mail to ${e.email} not sent: ${(err as Error).message}`);
      }
    });
  }
}
