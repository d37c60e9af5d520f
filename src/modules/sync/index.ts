// The sync module: the outbox of changes to the national databases (datasets to the Cơ sở dữ liệu quốc gia về trí
// tuệ nhân tạo, AI systems to the national registry), its sender, and the national node's receiving side.
export { module } from './module.ts';
export { enqueueChange, nationalIdsOf, nextSyncVersion, syncStatesOf, type OutgoingChange } from './store.ts';
export { startSender, wakeSender, type Sender, type SenderOptions } from './sender.ts';
