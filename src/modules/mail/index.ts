// The mail module: sends reminder e-mails through the configured SMTP server (or nowhere when none is configured).
export { module } from './module.ts';
export { createMailer, sendMail, type Mail, type Mailer } from './mailer.ts';
