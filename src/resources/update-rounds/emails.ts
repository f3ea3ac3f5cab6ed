// The emails of an update round: the request (and its reminder and return), and the escalation.
import type { OutgoingMessage } from '../../mail/mailer.js';
import type { EmailTemplates } from '../../mail/templates.js';
import { ukDate } from '../../domain/dates.js';
import { linkExpiresOn } from '../../domain/update-rounds.js';
import type { FormItem } from './form.js';
import type { UpdateRequestRow, UpdateRoundRow } from '../../db/repos/update-rounds.js';

export type RequestEmailKind = 'request' | 'reminder' | 'returned';

export function requestEmail(
  templates: EmailTemplates,
  kind: RequestEmailKind,
  x: { round: UpdateRoundRow; request: UpdateRequestRow; planTitle: string; items: FormItem[]; link: string; note?: string },
): OutgoingMessage {
  const due = ukDate(x.round.dueOn);
  const subject =
    kind === 'reminder'
      ? `Reminder: please update your items by ${due} (${x.round.title})`
      : kind === 'returned'
        ? `Your update has been returned: ${x.round.title}`
        : `Please update your items by ${due} (${x.round.title})`;
  const body = templates.render('update-request', {
    kind,
    subject,
    owner: x.request.owner,
    // A request whose items name no owner is addressed to the mailbox: "Hello," rather than "Dear <address>,".
    greetingName: x.request.owner.includes('@') ? null : x.request.owner,
    roundTitle: x.round.title,
    planTitle: x.planTitle,
    message: x.round.message,
    note: x.note,
    dueOn: x.round.dueOn,
    expiresOn: linkExpiresOn(x.round.dueOn),
    link: x.link,
    items: x.items,
  });
  const to = x.request.owner.includes('@') ? x.request.email : { name: x.request.owner, address: x.request.email };
  return { to, subject, ...body };
}

export function escalationEmail(
  templates: EmailTemplates,
  x: { round: UpdateRoundRow; to: { name: string; email: string }; planTitle: string; missing: UpdateRequestRow[]; total: number },
): OutgoingMessage {
  const subject = `${x.missing.length} owner${x.missing.length === 1 ? ' has' : 's have'} not sent their update: ${x.round.title}`;
  const body = templates.render('escalation', {
    subject,
    name: x.to.name,
    roundTitle: x.round.title,
    planTitle: x.planTitle,
    dueOn: x.round.dueOn,
    total: x.total,
    missing: x.missing.map((r) => ({ owner: r.owner, email: r.email, itemCount: r.items.length, remindedAt: r.remindedAt })),
  });
  return { to: { name: x.to.name, address: x.to.email }, subject, ...body };
}
