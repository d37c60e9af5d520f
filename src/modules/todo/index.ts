// The to-do module ("Việc cần làm"): one answer to "what do I have to do", gathered from every module that declares a
// `todo` source in its entry (src/modules/module.ts), ordered by what is late and what is due.
export { module } from './module.ts';
export { todoFor } from './service.ts';
