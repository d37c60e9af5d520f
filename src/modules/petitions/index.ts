// The petitions module: kiến nghị, đề xuất, phản ánh from the public about the AI law: intake, handling, answers,
// publication, figures and retention of personal data.
export { module } from './module.ts';
export { submitPetition, IntakeThrottled } from './use-cases/submit.ts';
export { followPetition, listPublishedAnswers } from './use-cases/public.ts';
export { getPetitionDetail, listPetitionsFor } from './use-cases/read.ts';
export {
  classifyPetition,
  mergePetition,
  requestInformation,
  resumePetition,
  routePetition,
} from './use-cases/handle.ts';
export { approveAnswer, closePetition, draftAnswer, extendDeadline, setPublished } from './use-cases/answer.ts';
export { applyPetitionRetention, petitionYearFigures } from './use-cases/figures.ts';
export { seedPetitionDemo } from './demo.ts';
export { runPetitionReminders } from './use-cases/reminders.ts';
