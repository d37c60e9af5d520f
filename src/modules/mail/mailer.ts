// Outgoing mail (reminders) through SMTP: SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS) and MAIL_FROM.
// Without SMTP_URL there is no mailer and nothing is sent; in-app notifications still work.
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends one message; throws when the server refuses it. */
  send(mail: Mail): Promise<{ messageId: string; accepted: string[] }>;
  close(): void;
}

/** A mailer for the configured SMTP server, or null when no server is configured. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      const to = [...new Set(mail.to.map((a) => a.trim()).filter(Boolean))];
      if (!to.length) throw new Error('Không có địa chỉ nhận thư.');
      const info = await transport.sendMail({ from: config.mailFrom, to, subject: mail.subject, text: mail.text });
      return { messageId: info.messageId, accepted: (info.accepted ?? []).map(String) };
    },
    close() {
      transport.close();
    },
  };
}

/** Sends one mail with the configured server; false when mail is not configured. */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, mail: Mail): Promise<boolean> {
  const mailer = createMailer(config);
  if (!mailer) return false;
  try {
    await mailer.send(mail);
    return true;
  } finally {
    mailer.close();
  }
}
