import type { SeedStep } from './db/seed/index'
import type { AccountClosingStep, ExportSection, NamedExportSection } from './modules/me/service'

/**
 * What a capability adds to the others. A capability that adds something exports one of these from its hooks.ts;
 * app.ts composes them and hands them to the demo seed and to the me capability. Nothing registers itself.
 */
export interface CapabilityHooks {
  /** Adds the capability's demo data once the base data exists. */
  seed?: SeedStep
  /** Sections of the personal-data export (GET /me/export), by the name they have under `records`. */
  exportSections?: Record<string, ExportSection>
  /** Releases what a closed account held (e.g. cancels its upcoming bookings). */
  closeAccount?: AccountClosingStep
}

/** The hooks of every capability, each kind in the order the capabilities were given. */
export interface ComposedHooks {
  seedSteps: SeedStep[]
  exportSections: NamedExportSection[]
  accountClosingSteps: AccountClosingStep[]
}

/** Puts the capabilities' hooks together in the order given; two sections of one name are a wiring mistake. */
export function composeHooks(capabilities: CapabilityHooks[]): ComposedHooks {
  const composed: ComposedHooks = { seedSteps: [], exportSections: [], accountClosingSteps: [] }
  for (const hooks of capabilities) {
    if (hooks.seed) composed.seedSteps.push(hooks.seed)
    for (const [name, section] of Object.entries(hooks.exportSections ?? {})) {
      if (composed.exportSections.some((s) => s.name === name)) throw new Error(`Two export sections are named ${name}`)
      composed.exportSections.push({ name, section })
    }
    if (hooks.closeAccount) composed.accountClosingSteps.push(hooks.closeAccount)
  }
  return composed
}
