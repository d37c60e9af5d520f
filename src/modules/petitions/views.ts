// Petition rows as the contracts shape them (src/contracts/petitions.ts).
import { DEADLINE_TIER_LABEL, tierOf, type TierBounds } from '../../domain/petitions/deadline.ts';
import {
  isOpen,
  PETITION_KIND_LABEL,
  PETITION_STATUS_LABEL,
  TOPIC_LABEL,
  type Topic,
} from '../../domain/petitions/model.ts';
import type { PetitionRow as Row } from './store.ts';

export const topicLabel = (t: string | null) => (t && t in TOPIC_LABEL ? TOPIC_LABEL[t as Topic] : 'Chưa phân loại');

/** `bounds`: tierBounds(today) computed once for the whole list. */
export function listItem(p: Row, bounds: TierBounds, withSender: boolean) {
  const open = isOpen(p.status);
  const tier = tierOf({ open, stopped: p.clock_stopped_on !== null, dueDate: p.due_date }, bounds);
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    kindLabel: PETITION_KIND_LABEL[p.kind],
    status: p.status,
    statusLabel: PETITION_STATUS_LABEL[p.status],
    open,
    subject: p.subject,
    receivedOn: p.received_on,
    dueDate: p.due_date,
    tier,
    tierLabel: DEADLINE_TIER_LABEL[tier],
    topic: p.topic,
    receivingUnit: { id: p.receiving_unit_id, name: p.receiving_name },
    handlingUnit: { id: p.handling_unit_id, name: p.handling_name },
    sender: withSender && p.sender_name ? { name: p.sender_name, organisation: p.sender_organisation } : null,
  };
}
