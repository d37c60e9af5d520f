// The org module: the administrative units (province, communes, agencies, offices), their names and the reference data.
export { module } from './module.ts';
export { getUnitDetail, listRoots, reloadReferenceData, searchUnits, toView, type UnitView } from './service.ts';
export {
  countUnits,
  getFocalUnit,
  getUnit,
  getUnitByCode,
  getUnitsByIds,
  provinceOfPath,
  type UnitRow,
} from './store.ts';
export { unitDirectory, unitEntries, unitRegister } from './directory.ts';
export { communeOfficeChoices, referenceDirectory, REFERENCE_DATA_DIR } from './reference-data.ts';
export {
  documentIdentityOf,
  updateDocumentSettings,
  type DocumentIdentity,
} from './use-cases/document-settings.ts';
