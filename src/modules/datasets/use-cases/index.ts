export {
  createDataset,
  getDataset,
  listDatasets,
  mustDataset,
  mustDatasetRef,
  updateDataset,
  type DeliveryOptions,
} from './catalogue.ts';
export { publishDataset, retractDataset } from './publish.ts';
export { addResource, addResourceVersion, deidentifyResource, dismissFinding, removeResource } from './resources.ts';
export {
  accessLog,
  decideAccessRequest,
  downloadOwnVersion,
  downloadPublished,
  listAccessRequests,
  requestAccess,
  revokeAccess,
  type FileAnswer,
} from './access.ts';
export { allPublished, getPublicDataset, listPublicDatasets } from './public.ts';
export { catalogCsv, catalogJsonLd } from './dcat.ts';
export { datasetLabel, datasetRef, type DatasetRef } from './refs.ts';
