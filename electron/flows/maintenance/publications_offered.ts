import type { KioskConfig } from '../../config/config_schema.js';
import {
  type MaintenanceTool,
  maintenanceTools,
  publicationTools,
} from '../../rpc/flows/maintenance_choices.js';

/**
 * Whether this terminal sells government publications: its configuration enables the `publications` service. The
 * staff tools for them (sales, stock) work from the backend's figures and slots whether or not a vending unit is
 * configured, but a terminal that does not offer publications does not show them.
 */
export function publicationsOffered(config: Pick<KioskConfig, 'services'>): boolean {
  return config.services.includes('publications');
}

/** The maintenance menu of this terminal, in order. */
export function toolsOf(config: Pick<KioskConfig, 'services'>): MaintenanceTool[] {
  const hidden: readonly MaintenanceTool[] = publicationsOffered(config) ? [] : publicationTools;
  return maintenanceTools.filter((tool) => !hidden.includes(tool));
}
