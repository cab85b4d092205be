import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../platform/config/app-config';
import { InvitationMailInput, invitationMail } from './invitation-mail';

export interface MailRecipient {
  name: string;
  email: string;
}

/**
 * Sends meeting invitations by e-mail through the agency's SMTP server (SMTP_HOST), one message per
 * person so no one sees the others' addresses. Without SMTP_HOST it is off and invitations are
 * notifications only. A mail that fails is logged and never undoes the invitation: the
 * notification is the record, e-mail a courtesy.
 */
@Injectable()
export class InvitationMailer implements OnModuleDestroy {
  private readonly logger = new Logger('InvitationMailer');
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_HOST
      ? createTransport({
          host: config.SMTP_HOST,
          port: config.SMTP_PORT,
          secure: config.SMTP_SECURE,
          auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Returns how many were accepted by the server. */
  async send(meeting: InvitationMailInput, recipients: readonly MailRecipient[]): Promise<number> {
    if (!this.transport) return 0;
    const unique = [...new Map(recipients.filter((recipient) => recipient.email).map((recipient) => [recipient.email.toLowerCase(), recipient])).values()];
    let sent = 0;
    for (const recipient of unique) {
      const mail = invitationMail(meeting, recipient.name);
      try {
        await this.transport.sendMail({ from: this.config.SMTP_FROM, to: { name: recipient.name, address: recipient.email }, subject: mail.subject, text: mail.text, html: mail.html });
        sent += 1;
      } catch (error) {
        // no address in the log: personal data stays out of it
        this.logger.warn({ err: error }, 'an invitation e-mail was not accepted by the mail server');
      }
    }
    return sent;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
