// The registry pages for civil-affairs staff: the list with search and filters, registering an
// organization, its entry (facts, annual reports, compliance, grades, roster, history) with the forms
// that change it, and import/export of the registry as CSV or Excel. Readers see the data; only
// registry managers see the forms.
import type { App, AppServices } from '../../platform/http/app-types.js';
import { entryPage, registerRegistryEntryPages } from './registry-entry.pages.js';
import { registerRegistryImportPages } from './registry-import.pages.js';
import { registerRegistryListPages } from './registry-list.pages.js';
import { registerRegistryRecordPages } from './registry-records.pages.js';
import { registerRegistryRosterPages } from './registry-roster.pages.js';

/** Every page of the registry, by page group (each in its own file). */
export function registerRegistryPages(app: App, services: AppServices): void {
  registerRegistryListPages(app, services);
  registerRegistryImportPages(app, services);
  const showEntry = entryPage(services);
  registerRegistryEntryPages(app, services, showEntry);
  registerRegistryRecordPages(app, services, showEntry);
  registerRegistryRosterPages(app, services, showEntry);
}
